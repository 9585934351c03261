-- disclosures-2022.sqlite  1980-01-01 00:00:00  deflated
BEGIN TRANSACTION;
CREATE TABLE "departments" (
  "department" TEXT NOT NULL,
  "department_name" TEXT,
  "province_code" TEXT,
  "province" TEXT,
  "city_code" TEXT,
  "city" TEXT,
  "county_code" TEXT,
  "county" TEXT,
  "level" TEXT,
  "type" TEXT,
  "url" TEXT,
  PRIMARY KEY ("department")
);
INSERT INTO "departments" VALUES('baishi-wjw','白石区卫生健康局','990000','示例省','990100','清河市','990102','白石区',NULL,NULL,'https://example.org/gongkai/departments/baishi-wjw/');
INSERT INTO "departments" VALUES('qinghe-czj','清河县财政局','990000','示例省','990100','清河市','990101','清河县','正科级','行政单位','https://example.org/gongkai/departments/qinghe-czj/');
CREATE TABLE "figures" (
  "department" TEXT NOT NULL,
  "year" INTEGER NOT NULL,
  "seq" INTEGER NOT NULL,
  "fiscal_year" INTEGER,
  "section" TEXT,
  "scope" TEXT,
  "breakdown" TEXT,
  "item" TEXT,
  "code" TEXT,
  "measure" TEXT,
  "phase" TEXT,
  "value_type" TEXT,
  "amount_yuan" REAL,
  "amount_yuan_exact" TEXT,
  "amount_wan" REAL,
  "amount_wan_exact" TEXT,
  "value" REAL,
  "value_exact" TEXT,
  "stated" TEXT,
  "unit_stated" TEXT,
  "precision" REAL,
  "precision_exact" TEXT,
  "statement" INTEGER NOT NULL,
  "at" TEXT,
  "line" INTEGER,
  "field" TEXT NOT NULL,
  PRIMARY KEY ("department", "year", "seq"),
  FOREIGN KEY ("department", "year") REFERENCES "reports" ("department", "year")
) WITHOUT ROWID;
INSERT INTO "figures" VALUES('baishi-wjw',2022,1,2022,'收入','部门全部资金','合计','收入合计',NULL,'年初预算','approved','金额',2500000.0,'2500000',250.0,'250',NULL,NULL,'2500000元','元',1.0,'1',1,NULL,11,'income[0].total.budget_initial');
INSERT INTO "figures" VALUES('baishi-wjw',2022,2,2022,'支出','部门全部资金','合计','支出合计',NULL,'年初预算','approved','金额',2500000.0,'2500000',250.0,'250',NULL,NULL,'2500000元','元',1.0,'1',1,NULL,14,'expenditure[0].total.budget_initial');
INSERT INTO "figures" VALUES('baishi-wjw',2022,3,2022,'支出','部门全部资金','按经济分类','工资福利支出',NULL,'年初预算','approved','金额',2000000.0,'2000000',200.0,'200',NULL,NULL,'2000000元','元',1.0,'1',1,NULL,16,'expenditure[0].by_economic[0].budget_initial');
INSERT INTO "figures" VALUES('baishi-wjw',2022,4,2022,'支出','部门全部资金','按经济分类','商品和服务支出',NULL,'年初预算','approved','金额',500000.0,'500000',50.0,'50',NULL,NULL,'500000元','元',1.0,'1',1,NULL,17,'expenditure[0].by_economic[1].budget_initial');
INSERT INTO "figures" VALUES('qinghe-czj',2022,1,2022,'人员',NULL,NULL,'编制数',NULL,'数量',NULL,'数量',NULL,NULL,NULL,NULL,30.0,'30','30人','人',1.0,'1',1,NULL,13,'staffing.authorized');
INSERT INTO "figures" VALUES('qinghe-czj',2022,2,2022,'人员',NULL,NULL,'年末实有在职人数',NULL,'数量',NULL,'数量',NULL,NULL,NULL,NULL,28.0,'28','28人','人',1.0,'1',1,NULL,14,'staffing.actual_end');
INSERT INTO "figures" VALUES('qinghe-czj',2022,3,2022,'收入','部门全部资金','合计','收入合计',NULL,'决算/执行','executed','金额',11000000.0,'11000000',1100.0,'1100',NULL,NULL,'11000000元','元',1.0,'1',1,NULL,17,'income[0].total.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2022,4,2022,'收入','部门全部资金','按资金来源','一般公共预算财政拨款收入',NULL,'决算/执行','executed','金额',11000000.0,'11000000',1100.0,'1100',NULL,NULL,'11000000元','元',1.0,'1',1,NULL,19,'income[0].by_source[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2022,5,2022,'支出','部门全部资金','合计','支出合计',NULL,'年初预算','approved','金额',9800000.0,'9800000',980.0,'980',NULL,NULL,'9800000元','元',1.0,'1',1,NULL,22,'expenditure[0].total.budget_initial');
INSERT INTO "figures" VALUES('qinghe-czj',2022,6,2022,'支出','部门全部资金','合计','支出合计',NULL,'决算/执行','executed','金额',10900000.0,'10900000',1090.0,'1090',NULL,NULL,'10900000.00元','元',0.01,'0.01',1,NULL,22,'expenditure[0].total.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2022,7,2022,'支出','部门全部资金','按支出性质','基本支出',NULL,'决算/执行','executed','金额',6900000.0,'6900000',690.0,'690',NULL,NULL,'6900000元','元',1.0,'1',1,NULL,24,'expenditure[0].by_nature[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2022,8,2022,'支出','部门全部资金','按支出性质','项目支出',NULL,'决算/执行','executed','金额',4000000.0,'4000000',400.0,'400',NULL,NULL,'4000000元','元',1.0,'1',1,NULL,25,'expenditure[0].by_nature[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2022,9,2022,'支出','部门全部资金','按功能分类','一般公共服务支出','201','决算/执行','executed','金额',10900000.0,'10900000',1090.0,'1090',NULL,NULL,'10900000元','元',1.0,'1',1,NULL,27,'expenditure[0].by_function[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2022,10,2022,'“三公”经费',NULL,NULL,'“三公”经费合计',NULL,'预算',NULL,'金额',100000.0,'100000',10.0,'10',NULL,NULL,'100000元','元',1.0,'1',1,NULL,30,'sangong.total.budget');
INSERT INTO "figures" VALUES('qinghe-czj',2022,11,2022,'“三公”经费',NULL,NULL,'“三公”经费合计',NULL,'决算/执行','executed','金额',90000.0,'90000',9.0,'9',NULL,NULL,'90000元','元',1.0,'1',1,NULL,30,'sangong.total.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2022,12,2022,'“三公”经费',NULL,NULL,'因公出国（境）费',NULL,'决算/执行','executed','金额',0.0,'0',0.0,'0',NULL,NULL,'0元','元',1.0,'1',1,NULL,31,'sangong.overseas.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2022,13,2022,'“三公”经费',NULL,NULL,'公务用车购置及运行维护费',NULL,'决算/执行','executed','金额',60000.0,'60000',6.0,'6',NULL,NULL,'60000元','元',1.0,'1',1,NULL,32,'sangong.vehicles.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2022,14,2022,'“三公”经费',NULL,NULL,'公务接待费',NULL,'决算/执行','executed','金额',30000.0,'30000',3.0,'3',NULL,NULL,'30000元','元',1.0,'1',1,NULL,33,'sangong.reception.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2022,15,2022,'部门整体支出绩效自评',NULL,NULL,NULL,NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,92.0,'92','92分','分',1.0,'1',1,NULL,36,'performance.score');
INSERT INTO "figures" VALUES('qinghe-czj',2022,16,2022,'部门整体支出绩效自评',NULL,NULL,'审核预算单位数',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,100.0,'100','100分','分',1.0,'1',1,NULL,39,'performance.indicators[0].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2022,17,2022,'部门整体支出绩效自评',NULL,NULL,'审核预算单位数',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,92.0,'92','92分','分',1.0,'1',1,NULL,39,'performance.indicators[0].score');
CREATE TABLE "findings" (
  "department" TEXT NOT NULL,
  "department_name" TEXT,
  "year" INTEGER NOT NULL,
  "seq" INTEGER NOT NULL,
  "rule" TEXT NOT NULL,
  "rule_title" TEXT,
  "severity" TEXT,
  "subject" TEXT NOT NULL,
  "message" TEXT,
  "computed" TEXT,
  "difference" TEXT,
  "tolerance" TEXT,
  "figures" TEXT,
  "explanation" TEXT,
  "file" TEXT,
  "line" INTEGER,
  PRIMARY KEY ("department", "year", "seq"),
  FOREIGN KEY ("department", "year") REFERENCES "reports" ("department", "year")
) WITHOUT ROWID;
INSERT INTO "findings" VALUES('qinghe-czj','清河县财政局',2022,1,'complete.final_accounts','部门决算公开了“三公”经费（含分项）、机关运行经费、政府采购、国有资产和绩效自评','警告','部门决算公开：国有资产占用','部门决算未公开国有资产占用',NULL,NULL,NULL,NULL,NULL,'content/departments/qinghe-czj/2022.yaml',1);
INSERT INTO "findings" VALUES('qinghe-czj','清河县财政局',2022,2,'complete.final_accounts','部门决算公开了“三公”经费（含分项）、机关运行经费、政府采购、国有资产和绩效自评','警告','部门决算公开：政府采购','部门决算未公开政府采购',NULL,NULL,NULL,NULL,NULL,'content/departments/qinghe-czj/2022.yaml',1);
INSERT INTO "findings" VALUES('qinghe-czj','清河县财政局',2022,3,'complete.final_accounts','部门决算公开了“三公”经费（含分项）、机关运行经费、政府采购、国有资产和绩效自评','警告','部门决算公开：机关运行经费','部门决算未公开机关运行经费',NULL,NULL,NULL,NULL,NULL,'content/departments/qinghe-czj/2022.yaml',1);
CREATE TABLE "indicators" (
  "department" TEXT NOT NULL,
  "department_name" TEXT,
  "year" INTEGER NOT NULL,
  "seq" INTEGER NOT NULL,
  "evaluation" TEXT NOT NULL,
  "row" INTEGER NOT NULL,
  "level1" TEXT,
  "level2" TEXT,
  "level3" TEXT,
  "target" TEXT,
  "target_initial" TEXT,
  "actual" TEXT,
  "prior" TEXT,
  "weight" REAL,
  "weight_exact" TEXT,
  "score" REAL,
  "score_exact" TEXT,
  "score_rate" REAL,
  "score_rate_exact" TEXT,
  "not_applicable" INTEGER CHECK ("not_applicable" IN (0, 1)),
  "unmet" INTEGER CHECK ("unmet" IN (0, 1)),
  "deviation" TEXT,
  "file" TEXT,
  "line" INTEGER,
  PRIMARY KEY ("department", "year", "seq"),
  FOREIGN KEY ("department", "year") REFERENCES "reports" ("department", "year")
) WITHOUT ROWID;
INSERT INTO "indicators" VALUES('qinghe-czj','清河县财政局',2022,1,'部门整体支出',1,'产出指标','数量指标','审核预算单位数','50',NULL,'50',NULL,100.0,'100',92.0,'92',NULL,NULL,0,0,NULL,'content/departments/qinghe-czj/2022.yaml',39);
CREATE TABLE meta_columns (
  table_name TEXT NOT NULL REFERENCES meta_tables (name),
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  type TEXT NOT NULL,
  unit TEXT,
  description TEXT NOT NULL,
  PRIMARY KEY (table_name, name)
);
INSERT INTO "meta_columns" VALUES('departments','department',1,'部门代号','TEXT',NULL,'部门在本站的代号（网址中的拼音缩写）');
INSERT INTO "meta_columns" VALUES('departments','department_name',2,'部门','TEXT',NULL,'部门全称');
INSERT INTO "meta_columns" VALUES('departments','province_code',3,'省代码','TEXT',NULL,'省级行政区划代码');
INSERT INTO "meta_columns" VALUES('departments','province',4,'省','TEXT',NULL,'省');
INSERT INTO "meta_columns" VALUES('departments','city_code',5,'市代码','TEXT',NULL,'市级行政区划代码');
INSERT INTO "meta_columns" VALUES('departments','city',6,'市','TEXT',NULL,'市');
INSERT INTO "meta_columns" VALUES('departments','county_code',7,'县代码','TEXT',NULL,'县级行政区划代码');
INSERT INTO "meta_columns" VALUES('departments','county',8,'县（区）','TEXT',NULL,'县（区）');
INSERT INTO "meta_columns" VALUES('departments','level',9,'级别','TEXT',NULL,'级别，照原文');
INSERT INTO "meta_columns" VALUES('departments','type',10,'单位类型','TEXT',NULL,'单位类型，照原文');
INSERT INTO "meta_columns" VALUES('departments','url',11,'网址','TEXT',NULL,'部门页的网址');
INSERT INTO "meta_columns" VALUES('reports','department',1,'部门代号','TEXT',NULL,'部门在本站的代号（网址中的拼音缩写）');
INSERT INTO "meta_columns" VALUES('reports','department_name',2,'部门','TEXT',NULL,'部门全称');
INSERT INTO "meta_columns" VALUES('reports','year',3,'年度','INTEGER',NULL,'报告年度');
INSERT INTO "meta_columns" VALUES('reports','kinds',4,'报告类型','TEXT',NULL,'绩效自评报告、部门决算、部门预算；多种时以“、”分隔');
INSERT INTO "meta_columns" VALUES('reports','title',5,'标题','TEXT',NULL,'标题，照原文');
INSERT INTO "meta_columns" VALUES('reports','issuer',6,'发布机构','TEXT',NULL,'发布机构或发文机构');
INSERT INTO "meta_columns" VALUES('reports','written',7,'成文日期','TEXT',NULL,'成文日期，YYYY-MM-DD');
INSERT INTO "meta_columns" VALUES('reports','published',8,'发布日期','TEXT',NULL,'发布日期，YYYY-MM-DD');
INSERT INTO "meta_columns" VALUES('reports','index_no',9,'索引号','TEXT',NULL,'政府信息公开索引号');
INSERT INTO "meta_columns" VALUES('reports','original_url',10,'原始公开地址','TEXT',NULL,'发布原文的网页或附件的网址（http 或 https）；数据文件未给出时为空');
INSERT INTO "meta_columns" VALUES('reports','retrieved',11,'采集日期','TEXT',NULL,'从原始公开地址取得原文的日期，YYYY-MM-DD');
INSERT INTO "meta_columns" VALUES('reports','unit',12,'原文金额单位','TEXT',NULL,'报告原文金额所用单位：元或万元');
INSERT INTO "meta_columns" VALUES('reports','score',13,'自评得分','REAL',NULL,'部门整体支出绩效自评得分，照原文（多处所述时取第一处）；无自评时为空（REAL：双精度浮点数，便于排序、比较与求和；精确值见 score_exact 列）');
INSERT INTO "meta_columns" VALUES('reports','score_exact',14,'自评得分（精确）','TEXT',NULL,'score 的精确小数文本，与 CSV 所写一致（如 12.30）');
INSERT INTO "meta_columns" VALUES('reports','grade',15,'等级','TEXT',NULL,'自评等级，照原文，如 优秀；原文未写时为空');
INSERT INTO "meta_columns" VALUES('reports','grade_band',16,'得分档次','TEXT',NULL,'按自评得分依财预〔2020〕10号划分：优（90 分及以上）、良（80–90）、中（60–80）、差（60 以下），与本站搜索的“自评等级”相同；无得分时为空');
INSERT INTO "meta_columns" VALUES('reports','findings',17,'核验不一致数','INTEGER',NULL,'数据核验发现的不一致处数');
INSERT INTO "meta_columns" VALUES('reports','file',18,'数据文件','TEXT',NULL,'数据文件路径');
INSERT INTO "meta_columns" VALUES('reports','url',19,'网址','TEXT',NULL,'报告页的网址');
INSERT INTO "meta_columns" VALUES('figures','department',1,'部门代号','TEXT',NULL,'部门在本站的代号（网址中的拼音缩写）');
INSERT INTO "meta_columns" VALUES('figures','year',2,'报告年度','INTEGER',NULL,'报告年度');
INSERT INTO "meta_columns" VALUES('figures','seq',3,'行序','INTEGER',NULL,'在本报告中的行序（从 1 起），与 CSV 中本报告各行的次序相同');
INSERT INTO "meta_columns" VALUES('figures','fiscal_year',4,'所属年度','INTEGER',NULL,'该数所属的年度：上年数为报告年度减一');
INSERT INTO "meta_columns" VALUES('figures','section',5,'部分','TEXT',NULL,'收入、支出、“三公”经费、项目、机关运行经费、国有资产占用、政府采购、部门整体支出绩效自评、项目支出绩效自评、人员、机构、工作数据');
INSERT INTO "meta_columns" VALUES('figures','scope',6,'口径','TEXT',NULL,'资金口径，如 部门全部资金、一般公共预算财政拨款');
INSERT INTO "meta_columns" VALUES('figures','breakdown',7,'分类','TEXT',NULL,'按资金来源、按支出性质、按经济分类、按功能分类等');
INSERT INTO "meta_columns" VALUES('figures','item',8,'项目','TEXT',NULL,'项目名称；逐级以“ / ”连接');
INSERT INTO "meta_columns" VALUES('figures','code',9,'科目编码','TEXT',NULL,'政府收支分类科目编码（功能分类“类”等），原文未给出时为空');
INSERT INTO "meta_columns" VALUES('figures','measure',10,'指标','TEXT',NULL,'年初预算、全年预算、预算、决算/执行、上年、增减额、增减率、占比、执行率、结余额（超支为负）、得分等');
INSERT INTO "meta_columns" VALUES('figures','phase',11,'阶段（FDP）','TEXT',NULL,'Fiscal Data Package 的阶段：approved 年初预算、adjusted 全年预算、executed 决算/执行与上年；其他为空');
INSERT INTO "meta_columns" VALUES('figures','value_type',12,'数值类型','TEXT',NULL,'金额、比率、分值或数量');
INSERT INTO "meta_columns" VALUES('figures','amount_yuan',13,'金额（元）','REAL','元','金额，以元计的精确小数；非金额为空（REAL：双精度浮点数，便于排序、比较与求和；精确值见 amount_yuan_exact 列）');
INSERT INTO "meta_columns" VALUES('figures','amount_yuan_exact',14,'金额（元）（精确）','TEXT','元','amount_yuan 的精确小数文本，与 CSV 所写一致（如 12.30）');
INSERT INTO "meta_columns" VALUES('figures','amount_wan',15,'金额（万元）','REAL','万元','金额，以万元计的精确小数；非金额为空（REAL：双精度浮点数，便于排序、比较与求和；精确值见 amount_wan_exact 列）');
INSERT INTO "meta_columns" VALUES('figures','amount_wan_exact',16,'金额（万元）（精确）','TEXT','万元','amount_wan 的精确小数文本，与 CSV 所写一致（如 12.30）');
INSERT INTO "meta_columns" VALUES('figures','value',17,'数值','REAL',NULL,'比率（百分数的数字）、分值或数量；金额为空（REAL：双精度浮点数，便于排序、比较与求和；精确值见 value_exact 列）');
INSERT INTO "meta_columns" VALUES('figures','value_exact',18,'数值（精确）','TEXT',NULL,'value 的精确小数文本，与 CSV 所写一致（如 12.30）');
INSERT INTO "meta_columns" VALUES('figures','stated',19,'原文写法','TEXT',NULL,'原文所写的数字与单位，如 848.4万元、31.41%');
INSERT INTO "meta_columns" VALUES('figures','unit_stated',20,'原文单位','TEXT',NULL,'原文单位：元、万元、%、分、人、件……');
INSERT INTO "meta_columns" VALUES('figures','precision',21,'原文精度','REAL',NULL,'原文写到的最小位，以原文单位计，如 0.01（REAL：双精度浮点数，便于排序、比较与求和；精确值见 precision_exact 列）');
INSERT INTO "meta_columns" VALUES('figures','precision_exact',22,'原文精度（精确）','TEXT',NULL,'precision 的精确小数文本，与 CSV 所写一致（如 12.30）');
INSERT INTO "meta_columns" VALUES('figures','statement',23,'第几处','INTEGER',NULL,'同一数字在原文第几处出现（从 1 起）');
INSERT INTO "meta_columns" VALUES('figures','at',24,'原文位置','TEXT',NULL,'在原文中的位置，如 附件1');
INSERT INTO "meta_columns" VALUES('figures','line',25,'行号','INTEGER',NULL,'数据文件（reports.csv 的 file 列）中的行号');
INSERT INTO "meta_columns" VALUES('figures','field',26,'字段','TEXT',NULL,'数据文件中的字段路径');
INSERT INTO "meta_columns" VALUES('indicators','department',1,'部门代号','TEXT',NULL,'部门在本站的代号（网址中的拼音缩写）');
INSERT INTO "meta_columns" VALUES('indicators','department_name',2,'部门','TEXT',NULL,'部门全称');
INSERT INTO "meta_columns" VALUES('indicators','year',3,'年度','INTEGER',NULL,'报告年度');
INSERT INTO "meta_columns" VALUES('indicators','seq',4,'行序','INTEGER',NULL,'在本报告中的行序（从 1 起），与 CSV 中本报告各行的次序相同');
INSERT INTO "meta_columns" VALUES('indicators','evaluation',5,'自评','TEXT',NULL,'部门整体支出或项目支出（项目名）');
INSERT INTO "meta_columns" VALUES('indicators','row',6,'行','INTEGER',NULL,'在自评表中的行序（从 1 起）');
INSERT INTO "meta_columns" VALUES('indicators','level1',7,'一级指标','TEXT',NULL,'一级指标');
INSERT INTO "meta_columns" VALUES('indicators','level2',8,'二级指标','TEXT',NULL,'二级指标');
INSERT INTO "meta_columns" VALUES('indicators','level3',9,'三级指标','TEXT',NULL,'三级指标');
INSERT INTO "meta_columns" VALUES('indicators','target',10,'年度指标值','TEXT',NULL,'年度指标值，照原文');
INSERT INTO "meta_columns" VALUES('indicators','target_initial',11,'年初指标值','TEXT',NULL,'年初指标值（年中调整过时；年度指标值为调整后的），照原文');
INSERT INTO "meta_columns" VALUES('indicators','actual',12,'实际完成值','TEXT',NULL,'实际完成值，照原文');
INSERT INTO "meta_columns" VALUES('indicators','prior',13,'上年完成值','TEXT',NULL,'上年完成值（自评表在本年完成值旁另列时），照原文');
INSERT INTO "meta_columns" VALUES('indicators','weight',14,'分值','REAL',NULL,'分值（REAL：双精度浮点数，便于排序、比较与求和；精确值见 weight_exact 列）');
INSERT INTO "meta_columns" VALUES('indicators','weight_exact',15,'分值（精确）','TEXT',NULL,'weight 的精确小数文本，与 CSV 所写一致（如 12.30）');
INSERT INTO "meta_columns" VALUES('indicators','score',16,'得分','REAL',NULL,'得分（REAL：双精度浮点数，便于排序、比较与求和；精确值见 score_exact 列）');
INSERT INTO "meta_columns" VALUES('indicators','score_exact',17,'得分（精确）','TEXT',NULL,'score 的精确小数文本，与 CSV 所写一致（如 12.30）');
INSERT INTO "meta_columns" VALUES('indicators','score_rate',18,'得分率','REAL',NULL,'得分系数或得分率，以 % 计（95.5 即 95.5%），表中写明时（REAL：双精度浮点数，便于排序、比较与求和；精确值见 score_rate_exact 列）');
INSERT INTO "meta_columns" VALUES('indicators','score_rate_exact',19,'得分率（精确）','TEXT',NULL,'score_rate 的精确小数文本，与 CSV 所写一致（如 12.30）');
INSERT INTO "meta_columns" VALUES('indicators','not_applicable',20,'不适用','INTEGER',NULL,'自评表标明该指标不适用（不考核，没有得分）时为 true（1 为是，0 为否）');
INSERT INTO "meta_columns" VALUES('indicators','unmet',21,'未达到指标值','INTEGER',NULL,'数值型指标实际完成值未达到年度指标值时为 true（按原文数字比较）（1 为是，0 为否）');
INSERT INTO "meta_columns" VALUES('indicators','deviation',22,'偏差原因','TEXT',NULL,'偏差原因分析及改进措施，照原文');
INSERT INTO "meta_columns" VALUES('indicators','file',23,'数据文件','TEXT',NULL,'数据文件路径');
INSERT INTO "meta_columns" VALUES('indicators','line',24,'行号','INTEGER',NULL,'数据文件中的行号');
INSERT INTO "meta_columns" VALUES('findings','department',1,'部门代号','TEXT',NULL,'部门在本站的代号（网址中的拼音缩写）');
INSERT INTO "meta_columns" VALUES('findings','department_name',2,'部门','TEXT',NULL,'部门全称');
INSERT INTO "meta_columns" VALUES('findings','year',3,'年度','INTEGER',NULL,'报告年度');
INSERT INTO "meta_columns" VALUES('findings','seq',4,'行序','INTEGER',NULL,'在本报告中的行序（从 1 起），与 CSV 中本报告各行的次序相同');
INSERT INTO "meta_columns" VALUES('findings','rule',5,'规则','TEXT',NULL,'规则代号');
INSERT INTO "meta_columns" VALUES('findings','rule_title',6,'规则说明','TEXT',NULL,'规则的中文说明');
INSERT INTO "meta_columns" VALUES('findings','severity',7,'程度','TEXT',NULL,'错误、警告或提示');
INSERT INTO "meta_columns" VALUES('findings','subject',8,'核对内容','TEXT',NULL,'核对的内容');
INSERT INTO "meta_columns" VALUES('findings','message',9,'说明','TEXT',NULL,'不一致之处');
INSERT INTO "meta_columns" VALUES('findings','computed',10,'计算值','TEXT',NULL,'按所述数计算的值');
INSERT INTO "meta_columns" VALUES('findings','difference',11,'差额','TEXT',NULL,'所述与计算之差');
INSERT INTO "meta_columns" VALUES('findings','tolerance',12,'允许误差','TEXT',NULL,'按各数所述精度允许的四舍五入误差');
INSERT INTO "meta_columns" VALUES('findings','figures',13,'所比较的数字','TEXT',NULL,'参与比较的各数：名称、原文写法与数据文件行号');
INSERT INTO "meta_columns" VALUES('findings','explanation',14,'单位说明','TEXT',NULL,'部门或审核人对这处不一致的说明（数据文件 explanations）');
INSERT INTO "meta_columns" VALUES('findings','file',15,'数据文件','TEXT',NULL,'数据文件路径');
INSERT INTO "meta_columns" VALUES('findings','line',16,'行号','INTEGER',NULL,'数据文件中的行号');
INSERT INTO "meta_columns" VALUES('meta_tables','name',1,'表','TEXT',NULL,'表名');
INSERT INTO "meta_columns" VALUES('meta_tables','title',2,'中文名','TEXT',NULL,'表的中文名');
INSERT INTO "meta_columns" VALUES('meta_tables','description',3,'说明','TEXT',NULL,'表的说明');
INSERT INTO "meta_columns" VALUES('meta_tables','rows',4,'行数','INTEGER',NULL,'表的行数');
INSERT INTO "meta_columns" VALUES('meta_columns','table_name',1,'表','TEXT',NULL,'列所在的表');
INSERT INTO "meta_columns" VALUES('meta_columns','name',2,'列','TEXT',NULL,'列名');
INSERT INTO "meta_columns" VALUES('meta_columns','position',3,'列序','INTEGER',NULL,'列在表中的位置（从 1 起）');
INSERT INTO "meta_columns" VALUES('meta_columns','title',4,'中文名','TEXT',NULL,'列的中文名');
INSERT INTO "meta_columns" VALUES('meta_columns','type',5,'类型','TEXT',NULL,'SQLite 类型：TEXT、INTEGER 或 REAL');
INSERT INTO "meta_columns" VALUES('meta_columns','unit',6,'单位','TEXT',NULL,'金额的单位（元、万元），其他为空');
INSERT INTO "meta_columns" VALUES('meta_columns','description',7,'说明','TEXT',NULL,'列的说明');
CREATE TABLE meta_tables (
  name TEXT NOT NULL PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  rows INTEGER NOT NULL
);
INSERT INTO "meta_tables" VALUES('meta_tables','表的说明','本库各表的中文名、说明与行数（SQLite 没有表和列的注释，故以表记之）。',7);
INSERT INTO "meta_tables" VALUES('meta_columns','列的说明','本库各列的中文名、类型、单位与说明。',107);
INSERT INTO "meta_tables" VALUES('departments','部门','每个部门一行：名称、所在地区、级别与类型。（本库只列本年度有报告的部门）主键：department。',2);
INSERT INTO "meta_tables" VALUES('reports','报告','每份报告（部门的一个年度）一行：类型、标题、日期、索引号。主键：department、year。',2);
INSERT INTO "meta_tables" VALUES('figures','全部数字','报告所述的每一个数字一行（同一数字多处所述时每处一行），注明所在部分、项目、阶段和原文位置。部门名称、所在地区、报告类型与数据文件按部门代号和年度见 reports.csv 与 departments.csv。主键：department、year、seq；按 department、year、field、statement 有索引（唯一）。',21);
INSERT INTO "meta_tables" VALUES('indicators','绩效指标','绩效自评表的每一行指标。主键：department、year、seq；按 department、year、evaluation、row 有索引（不强制唯一）。',1);
INSERT INTO "meta_tables" VALUES('findings','数据核验发现','数据核验发现的每一处不一致，附所比较的数字。主键：department、year、seq；按 department、year、rule、subject 有索引（不强制唯一）。',3);
CREATE TABLE "reports" (
  "department" TEXT NOT NULL,
  "department_name" TEXT,
  "year" INTEGER NOT NULL,
  "kinds" TEXT,
  "title" TEXT,
  "issuer" TEXT,
  "written" TEXT,
  "published" TEXT,
  "index_no" TEXT,
  "original_url" TEXT,
  "retrieved" TEXT,
  "unit" TEXT,
  "score" REAL,
  "score_exact" TEXT,
  "grade" TEXT,
  "grade_band" TEXT,
  "findings" INTEGER,
  "file" TEXT,
  "url" TEXT,
  PRIMARY KEY ("department", "year"),
  FOREIGN KEY ("department") REFERENCES "departments" ("department")
);
INSERT INTO "reports" VALUES('baishi-wjw','白石区卫生健康局',2022,'部门预算','白石区卫生健康局2022年度部门预算',NULL,NULL,'2022-02-20',NULL,NULL,NULL,'元',NULL,NULL,NULL,NULL,0,'content/departments/baishi-wjw/2022.yaml','https://example.org/gongkai/departments/baishi-wjw/2022/');
INSERT INTO "reports" VALUES('qinghe-czj','清河县财政局',2022,'部门决算','清河县财政局2022年度部门决算','清河县财政局','2023-05-12','2023-06-02',NULL,NULL,NULL,'元',92.0,'92','优秀','优',3,'content/departments/qinghe-czj/2022.yaml','https://example.org/gongkai/departments/qinghe-czj/2022/');
CREATE UNIQUE INDEX "figures_key" ON "figures" ("department", "year", "field", "statement");
CREATE INDEX "indicators_key" ON "indicators" ("department", "year", "evaluation", "row");
CREATE INDEX "findings_key" ON "findings" ("department", "year", "rule", "subject");
COMMIT;
