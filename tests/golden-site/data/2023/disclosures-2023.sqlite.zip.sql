-- disclosures-2023.sqlite  1980-01-01 00:00:00  deflated
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
INSERT INTO "departments" VALUES('qinghe-czj','清河县财政局','990000','示例省','990100','清河市','990101','清河县','正科级','行政单位','https://example.org/gongkai/departments/qinghe-czj/');
INSERT INTO "departments" VALUES('qinghe-jyj','清河县教育局','990000','示例省','990100','清河市','990101','清河县',NULL,'行政单位','https://example.org/gongkai/departments/qinghe-jyj/');
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
INSERT INTO "figures" VALUES('qinghe-czj',2023,1,2023,'机构',NULL,NULL,'内设机构数',NULL,'数量',NULL,'数量',NULL,NULL,NULL,NULL,3.0,'3','3个','个',1.0,'1',1,NULL,26,'organization.internal_units_count');
INSERT INTO "figures" VALUES('qinghe-czj',2023,2,2023,'机构',NULL,NULL,'所属单位数',NULL,'数量',NULL,'数量',NULL,NULL,NULL,NULL,1.0,'1','1个','个',1.0,'1',1,NULL,28,'organization.subordinate_units_count');
INSERT INTO "figures" VALUES('qinghe-czj',2023,3,2023,'机构',NULL,NULL,'决算编报单位',NULL,'数值',NULL,'数量',NULL,NULL,NULL,NULL,2.0,'2','2个','个',1.0,'1',1,NULL,31,'organization.stats[0]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,4,2023,'人员',NULL,NULL,'编制数',NULL,'数量',NULL,'数量',NULL,NULL,NULL,NULL,30.0,'30','30人','人',1.0,'1',1,NULL,35,'staffing.authorized');
INSERT INTO "figures" VALUES('qinghe-czj',2023,5,2023,'人员',NULL,NULL,'行政编制',NULL,'人数',NULL,'数量',NULL,NULL,NULL,NULL,20.0,'20','20人','人',1.0,'1',1,NULL,37,'staffing.authorized_items[0]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,6,2023,'人员',NULL,NULL,'事业编制',NULL,'人数',NULL,'数量',NULL,NULL,NULL,NULL,10.0,'10','10人','人',1.0,'1',1,NULL,38,'staffing.authorized_items[1]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,7,2023,'人员',NULL,NULL,'年初实有在职人数',NULL,'数量',NULL,'数量',NULL,NULL,NULL,NULL,28.0,'28','28人','人',1.0,'1',1,NULL,39,'staffing.actual_start');
INSERT INTO "figures" VALUES('qinghe-czj',2023,8,2023,'人员',NULL,NULL,'年末实有在职人数',NULL,'数量',NULL,'数量',NULL,NULL,NULL,NULL,29.0,'29','29人','人',1.0,'1',1,NULL,40,'staffing.actual_end');
INSERT INTO "figures" VALUES('qinghe-czj',2023,9,2023,'人员',NULL,NULL,'行政人员',NULL,'人数',NULL,'数量',NULL,NULL,NULL,NULL,19.0,'19','19人','人',1.0,'1',1,NULL,42,'staffing.actual_items[0]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,10,2023,'人员',NULL,NULL,'行政人员 / 领导职数',NULL,'人数',NULL,'数量',NULL,NULL,NULL,NULL,3.0,'3','3人','人',1.0,'1',1,NULL,46,'staffing.actual_items[0].items[0]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,11,2023,'人员',NULL,NULL,'事业人员',NULL,'人数',NULL,'数量',NULL,NULL,NULL,NULL,10.0,'10','10人','人',1.0,'1',1,NULL,47,'staffing.actual_items[1]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,12,2023,'人员',NULL,NULL,'共计工作人员',NULL,'数量',NULL,'数量',NULL,NULL,NULL,NULL,35.0,'35','35人','人',1.0,'1',1,NULL,48,'staffing.total_staff');
INSERT INTO "figures" VALUES('qinghe-czj',2023,13,2023,'人员',NULL,NULL,'编外聘用',NULL,'人数',NULL,'数量',NULL,NULL,NULL,NULL,6.0,'6','6人','人',1.0,'1',1,NULL,50,'staffing.other_items[0]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,14,2023,'人员',NULL,NULL,'离退休人数',NULL,'数量',NULL,'数量',NULL,NULL,NULL,NULL,12.0,'12','12人','人',1.0,'1',1,NULL,51,'staffing.retired');
INSERT INTO "figures" VALUES('qinghe-czj',2023,15,2023,'人员',NULL,NULL,'退休人员',NULL,'人数',NULL,'数量',NULL,NULL,NULL,NULL,12.0,'12','12人','人',1.0,'1',1,NULL,53,'staffing.retired_items[0]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,16,2023,'人员',NULL,NULL,'车辆编制数',NULL,'数量',NULL,'数量',NULL,NULL,NULL,NULL,3.0,'3','3辆','辆',1.0,'1',1,NULL,54,'staffing.vehicles_authorized');
INSERT INTO "figures" VALUES('qinghe-czj',2023,17,2023,'人员',NULL,NULL,'实有车辆数',NULL,'数量',NULL,'数量',NULL,NULL,NULL,NULL,3.0,'3','3辆','辆',1.0,'1',1,NULL,55,'staffing.vehicles');
INSERT INTO "figures" VALUES('qinghe-czj',2023,18,2023,'人员',NULL,NULL,NULL,NULL,'编制控制率',NULL,'比率',NULL,NULL,NULL,NULL,96.67,'96.67','96.67%','%',0.01,'0.01',1,NULL,56,'staffing.control_rate');
INSERT INTO "figures" VALUES('qinghe-czj',2023,19,2023,'收入','部门全部资金','合计','收入合计',NULL,'年初预算','approved','金额',10000000.0,'10000000',1000.0,'1000',NULL,NULL,'1000万元','万元',1.0,'1',1,NULL,62,'income[0].total.budget_initial');
INSERT INTO "figures" VALUES('qinghe-czj',2023,20,2023,'收入','部门全部资金','合计','收入合计',NULL,'决算/执行','executed','金额',12000000.0,'12000000',1200.0,'1200',NULL,NULL,'1200万元','万元',1.0,'1',1,NULL,62,'income[0].total.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,21,2022,'收入','部门全部资金','合计','收入合计',NULL,'上年','executed','金额',11000000.0,'11000000',1100.0,'1100',NULL,NULL,'1100万元','万元',1.0,'1',1,NULL,62,'income[0].total.prior');
INSERT INTO "figures" VALUES('qinghe-czj',2023,22,2023,'收入','部门全部资金','合计','收入合计',NULL,'增减额',NULL,'金额',1000000.0,'1000000',100.0,'100',NULL,NULL,'100万元','万元',1.0,'1',1,NULL,62,'income[0].total.change');
INSERT INTO "figures" VALUES('qinghe-czj',2023,23,2023,'收入','部门全部资金','合计','收入合计',NULL,'增减率',NULL,'比率',NULL,NULL,NULL,NULL,9.09,'9.09','9.09%','%',0.01,'0.01',1,NULL,62,'income[0].total.change_rate');
INSERT INTO "figures" VALUES('qinghe-czj',2023,24,2023,'收入','部门全部资金','按资金来源','一般公共预算财政拨款收入',NULL,'决算/执行','executed','金额',11500000.0,'11500000',1150.0,'1150',NULL,NULL,'1150万元','万元',1.0,'1',1,NULL,64,'income[0].by_source[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,25,2023,'收入','部门全部资金','按资金来源','一般公共预算财政拨款收入',NULL,'占比',NULL,'比率',NULL,NULL,NULL,NULL,95.83,'95.83','95.83%','%',0.01,'0.01',1,NULL,64,'income[0].by_source[0].share');
INSERT INTO "figures" VALUES('qinghe-czj',2023,26,2023,'收入','部门全部资金','按资金来源','政府性基金预算财政拨款收入',NULL,'决算/执行','executed','金额',500000.0,'500000',50.0,'50',NULL,NULL,'50万元','万元',1.0,'1',1,NULL,65,'income[0].by_source[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,27,2023,'收入','部门全部资金','按资金来源','其他收入',NULL,'决算/执行','executed','金额',0.0,'0',0.0,'0',NULL,NULL,'0万元','万元',1.0,'1',1,NULL,66,'income[0].by_source[2].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,28,2023,'收入','部门全部资金','相关数','年初结转和结余',NULL,'决算/执行','executed','金额',200000.0,'200000',20.0,'20',NULL,NULL,'20万元','万元',1.0,'1',1,NULL,68,'income[0].related[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,29,2023,'支出','部门全部资金','合计','支出合计',NULL,'年初预算','approved','金额',10000000.0,'10000000',1000.0,'1000',NULL,NULL,'1000万元','万元',1.0,'1',1,NULL,75,'expenditure[0].total.budget_initial');
INSERT INTO "figures" VALUES('qinghe-czj',2023,30,2023,'支出','部门全部资金','合计','支出合计',NULL,'全年预算','adjusted','金额',12100000.0,'12100000',1210.0,'1210',NULL,NULL,'1210万元','万元',1.0,'1',1,NULL,76,'expenditure[0].total.budget_full');
INSERT INTO "figures" VALUES('qinghe-czj',2023,31,2023,'支出','部门全部资金','合计','支出合计',NULL,'决算/执行','executed','金额',11800000.0,'11800000',1180.0,'1180',NULL,NULL,'1180万元','万元',1.0,'1',1,'第二部分 二',78,'expenditure[0].total.actual[0]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,32,2023,'支出','部门全部资金','合计','支出合计',NULL,'决算/执行','executed','金额',11800000.0,'11800000',1180.0,'1180',NULL,NULL,'1180万元','万元',1.0,'1',2,'公开01表',79,'expenditure[0].total.actual[1]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,33,2022,'支出','部门全部资金','合计','支出合计',NULL,'上年','executed','金额',10900000.0,'10900000',1090.0,'1090',NULL,NULL,'1090万元','万元',1.0,'1',1,NULL,80,'expenditure[0].total.prior');
INSERT INTO "figures" VALUES('qinghe-czj',2023,34,2023,'支出','部门全部资金','合计','支出合计',NULL,'增减额',NULL,'金额',900000.0,'900000',90.0,'90',NULL,NULL,'90万元','万元',1.0,'1',1,NULL,81,'expenditure[0].total.change');
INSERT INTO "figures" VALUES('qinghe-czj',2023,35,2023,'支出','部门全部资金','合计','支出合计',NULL,'增减率',NULL,'比率',NULL,NULL,NULL,NULL,8.26,'8.26','8.26%','%',0.01,'0.01',1,NULL,82,'expenditure[0].total.change_rate');
INSERT INTO "figures" VALUES('qinghe-czj',2023,36,2023,'支出','部门全部资金','合计','支出合计',NULL,'执行率',NULL,'比率',NULL,NULL,NULL,NULL,97.52,'97.52','97.52%','%',0.01,'0.01',1,NULL,83,'expenditure[0].total.execution_rate');
INSERT INTO "figures" VALUES('qinghe-czj',2023,37,2023,'支出','部门全部资金','合计','支出合计',NULL,'结余额（超支为负）',NULL,'金额',300000.0,'300000',30.0,'30',NULL,NULL,'30万元','万元',1.0,'1',1,NULL,84,'expenditure[0].total.variance');
INSERT INTO "figures" VALUES('qinghe-czj',2023,38,2023,'支出','部门全部资金','合计','支出合计',NULL,'结余率（超支为负）',NULL,'比率',NULL,NULL,NULL,NULL,2.48,'2.48','2.48%','%',0.01,'0.01',1,NULL,85,'expenditure[0].total.variance_rate');
INSERT INTO "figures" VALUES('qinghe-czj',2023,39,2023,'支出','部门全部资金','增减原因','支出合计 / 新增财政信息化建设项目',NULL,'决算/执行','executed','金额',600000.0,'600000',60.0,'60',NULL,NULL,'60万元','万元',1.0,'1',1,NULL,87,'expenditure[0].total.change_reasons[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,40,2023,'支出','部门全部资金','按支出性质','基本支出',NULL,'决算/执行','executed','金额',7000000.0,'7000000',700.0,'700',NULL,NULL,'700万元','万元',1.0,'1',1,NULL,91,'expenditure[0].by_nature[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,41,2023,'支出','部门全部资金','按支出性质','基本支出 / 人员经费',NULL,'决算/执行','executed','金额',5000000.0,'5000000',500.0,'500',NULL,NULL,'500万元','万元',1.0,'1',1,NULL,93,'expenditure[0].by_nature[0].items[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,42,2023,'支出','部门全部资金','按支出性质','基本支出 / 公用经费',NULL,'决算/执行','executed','金额',1900000.0,'1900000',190.0,'190',NULL,NULL,'190万元','万元',1.0,'1',1,NULL,94,'expenditure[0].by_nature[0].items[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,43,2023,'支出','部门全部资金','按支出性质','项目支出',NULL,'预算',NULL,'金额',5000000.0,'5000000',500.0,'500',NULL,NULL,'500万元','万元',1.0,'1',1,NULL,96,'expenditure[0].by_nature[1].budget');
INSERT INTO "figures" VALUES('qinghe-czj',2023,44,2023,'支出','部门全部资金','按支出性质','项目支出',NULL,'决算/执行','executed','金额',4800000.0,'4800000',480.0,'480',NULL,NULL,'480万元','万元',1.0,'1',1,NULL,97,'expenditure[0].by_nature[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,45,2023,'支出','部门全部资金','按支出性质','项目支出 / 财政信息化建设',NULL,'决算/执行','executed','金额',2900000.0,'2900000',290.0,'290',NULL,NULL,'290万元','万元',1.0,'1',1,NULL,101,'expenditure[0].by_nature[1].items[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,46,2023,'支出','部门全部资金','按经济分类','工资福利支出',NULL,'决算/执行','executed','金额',4500000.0,'4500000',450.0,'450',NULL,NULL,'450万元','万元',1.0,'1',1,NULL,103,'expenditure[0].by_economic[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,47,2023,'支出','部门全部资金','按经济分类','商品和服务支出',NULL,'决算/执行','executed','金额',2300000.0,'2300000',230.0,'230',NULL,NULL,'230万元','万元',1.0,'1',1,NULL,104,'expenditure[0].by_economic[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,48,2023,'支出','部门全部资金','按经济分类','对个人和家庭的补助',NULL,'决算/执行','executed','金额',500000.0,'500000',50.0,'50',NULL,NULL,'50万元','万元',1.0,'1',1,NULL,105,'expenditure[0].by_economic[2].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,49,2023,'支出','部门全部资金','按经济分类','资本性支出',NULL,'决算/执行','executed','金额',4500000.0,'4500000',450.0,'450',NULL,NULL,'450万元','万元',1.0,'1',1,NULL,106,'expenditure[0].by_economic[3].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,50,2023,'支出','部门全部资金','按功能分类','一般公共服务支出','201','年初预算','approved','金额',9500000.0,'9500000',950.0,'950',NULL,NULL,'950万元','万元',1.0,'1',1,NULL,110,'expenditure[0].by_function[0].budget_initial');
INSERT INTO "figures" VALUES('qinghe-czj',2023,51,2023,'支出','部门全部资金','按功能分类','一般公共服务支出','201','决算/执行','executed','金额',11000000.0,'11000000',1100.0,'1100',NULL,NULL,'1100万元','万元',1.0,'1',1,NULL,111,'expenditure[0].by_function[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,52,2023,'支出','部门全部资金','按功能分类','一般公共服务支出 / 财政事务','20106','决算/执行','executed','金额',11000000.0,'11000000',1100.0,'1100',NULL,NULL,'1100万元','万元',1.0,'1',1,NULL,115,'expenditure[0].by_function[0].items[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,53,2023,'支出','部门全部资金','按功能分类','一般公共服务支出 / 财政事务 / 行政运行','2010601','决算/执行','executed','金额',7000000.0,'7000000',700.0,'700',NULL,NULL,'700万元','万元',1.0,'1',1,NULL,117,'expenditure[0].by_function[0].items[0].items[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,54,2023,'支出','部门全部资金','按功能分类','一般公共服务支出 / 财政事务 / 一般行政管理事务','2010602','决算/执行','executed','金额',4000000.0,'4000000',400.0,'400',NULL,NULL,'400万元','万元',1.0,'1',1,NULL,118,'expenditure[0].by_function[0].items[0].items[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,55,2023,'支出','部门全部资金','按功能分类','社会保障和就业支出','208','决算/执行','executed','金额',500000.0,'500000',50.0,'50',NULL,NULL,'50万元','万元',1.0,'1',1,NULL,119,'expenditure[0].by_function[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,56,2023,'支出','部门全部资金','按功能分类','住房保障支出','221','决算/执行','executed','金额',300000.0,'300000',30.0,'30',NULL,NULL,'30万元','万元',1.0,'1',1,NULL,120,'expenditure[0].by_function[2].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,57,2023,'支出','部门全部资金','相关数','年末结转和结余',NULL,'决算/执行','executed','金额',400000.0,'400000',40.0,'40',NULL,NULL,'40万元','万元',1.0,'1',1,NULL,122,'expenditure[0].related[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,58,2023,'“三公”经费',NULL,NULL,'“三公”经费合计',NULL,'预算',NULL,'金额',100000.0,'100000',10.0,'10',NULL,NULL,'10万元','万元',1.0,'1',1,NULL,129,'sangong.total.budget');
INSERT INTO "figures" VALUES('qinghe-czj',2023,59,2023,'“三公”经费',NULL,NULL,'“三公”经费合计',NULL,'决算/执行','executed','金额',80000.0,'80000',8.0,'8',NULL,NULL,'8万元','万元',1.0,'1',1,NULL,129,'sangong.total.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,60,2022,'“三公”经费',NULL,NULL,'“三公”经费合计',NULL,'上年','executed','金额',90000.0,'90000',9.0,'9',NULL,NULL,'9万元','万元',1.0,'1',1,NULL,129,'sangong.total.prior');
INSERT INTO "figures" VALUES('qinghe-czj',2023,61,2023,'“三公”经费',NULL,NULL,'“三公”经费合计',NULL,'增减额',NULL,'金额',-10000.0,'-10000',-1.0,'-1',NULL,NULL,'-1万元','万元',1.0,'1',1,NULL,129,'sangong.total.change');
INSERT INTO "figures" VALUES('qinghe-czj',2023,62,2023,'“三公”经费',NULL,NULL,'“三公”经费合计',NULL,'增减率',NULL,'比率',NULL,NULL,NULL,NULL,-11.11,'-11.11','-11.11%','%',0.01,'0.01',1,NULL,129,'sangong.total.change_rate');
INSERT INTO "figures" VALUES('qinghe-czj',2023,63,2023,'“三公”经费',NULL,NULL,'因公出国（境）费',NULL,'决算/执行','executed','金额',0.0,'0',0.0,'0',NULL,NULL,'0万元','万元',1.0,'1',1,NULL,130,'sangong.overseas.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,64,2023,'“三公”经费',NULL,NULL,'公务用车购置及运行维护费',NULL,'决算/执行','executed','金额',50000.0,'50000',5.0,'5',NULL,NULL,'5万元','万元',1.0,'1',1,NULL,131,'sangong.vehicles.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,65,2023,'“三公”经费',NULL,NULL,'公务用车购置费',NULL,'决算/执行','executed','金额',0.0,'0',0.0,'0',NULL,NULL,'0万元','万元',1.0,'1',1,NULL,132,'sangong.vehicle_purchase.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,66,2023,'“三公”经费',NULL,NULL,'公务用车运行维护费',NULL,'决算/执行','executed','金额',50000.0,'50000',5.0,'5',NULL,NULL,'5万元','万元',1.0,'1',1,NULL,133,'sangong.vehicle_operation.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,67,2023,'“三公”经费',NULL,NULL,'公务接待费',NULL,'全年预算','adjusted','金额',40000.0,'40000',4.0,'4',NULL,NULL,'4万元','万元',1.0,'1',1,NULL,134,'sangong.reception.budget_full');
INSERT INTO "figures" VALUES('qinghe-czj',2023,68,2023,'“三公”经费',NULL,NULL,'公务接待费',NULL,'决算/执行','executed','金额',30000.0,'30000',3.0,'3',NULL,NULL,'3万元','万元',1.0,'1',1,NULL,134,'sangong.reception.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,69,2023,'“三公”经费',NULL,NULL,'公务接待费',NULL,'执行率',NULL,'比率',NULL,NULL,NULL,NULL,75.0,'75','75%','%',1.0,'1',1,NULL,134,'sangong.reception.execution_rate');
INSERT INTO "figures" VALUES('qinghe-czj',2023,70,2023,'“三公”经费',NULL,'公务接待费其中','国内公务接待费',NULL,'决算/执行','executed','金额',30000.0,'30000',3.0,'3',NULL,NULL,'3万元','万元',1.0,'1',1,NULL,136,'sangong.reception_items[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,71,2023,'“三公”经费',NULL,'相关数','会议费',NULL,'决算/执行','executed','金额',20000.0,'20000',2.0,'2',NULL,NULL,'2万元','万元',1.0,'1',1,NULL,138,'sangong.related[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,72,2023,'“三公”经费',NULL,'相关数','培训费',NULL,'决算/执行','executed','金额',15000.0,'15000',1.5,'1.5',NULL,NULL,'1.5万元','万元',0.1,'0.1',1,NULL,139,'sangong.related[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,73,2023,'“三公”经费',NULL,NULL,'国内公务接待批次',NULL,'数值',NULL,'数量',NULL,NULL,NULL,NULL,12.0,'12','12批次','批次',1.0,'1',1,NULL,141,'sangong.stats[0]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,74,2023,'“三公”经费',NULL,NULL,'国内公务接待人次',NULL,'数值',NULL,'数量',NULL,NULL,NULL,NULL,96.0,'96','96人次','人次',1.0,'1',1,NULL,142,'sangong.stats[1]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,75,2023,'“三公”经费',NULL,NULL,'公务用车保有量',NULL,'数值',NULL,'数量',NULL,NULL,NULL,NULL,3.0,'3','3辆','辆',1.0,'1',1,NULL,143,'sangong.stats[2]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,76,2023,'项目',NULL,NULL,'项目支出',NULL,'年初预算','approved','金额',5000000.0,'5000000',500.0,'500',NULL,NULL,'500万元','万元',1.0,'1',1,NULL,148,'projects[0].total.budget_initial');
INSERT INTO "figures" VALUES('qinghe-czj',2023,77,2023,'项目',NULL,NULL,'项目支出',NULL,'决算/执行','executed','金额',4800000.0,'4800000',480.0,'480',NULL,NULL,'480万元','万元',1.0,'1',1,NULL,148,'projects[0].total.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,78,2023,'项目',NULL,NULL,'项目支出 / 财政信息化建设',NULL,'年初预算','approved','金额',3000000.0,'3000000',300.0,'300',NULL,NULL,'300万元','万元',1.0,'1',1,NULL,151,'projects[0].items[0].budget_initial');
INSERT INTO "figures" VALUES('qinghe-czj',2023,79,2023,'项目',NULL,NULL,'项目支出 / 财政信息化建设',NULL,'决算/执行','executed','金额',2900000.0,'2900000',290.0,'290',NULL,NULL,'290万元','万元',1.0,'1',1,NULL,152,'projects[0].items[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,80,2023,'项目',NULL,NULL,'项目支出 / 财政信息化建设 / 硬件购置',NULL,'决算/执行','executed','金额',1900000.0,'1900000',190.0,'190',NULL,NULL,'190万元','万元',1.0,'1',1,NULL,160,'projects[0].items[0].items[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,81,2023,'项目',NULL,NULL,'项目支出 / 财政信息化建设 / 软件开发',NULL,'决算/执行','executed','金额',1000000.0,'1000000',100.0,'100',NULL,NULL,'100万元','万元',1.0,'1',1,NULL,161,'projects[0].items[0].items[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,82,2023,'项目',NULL,NULL,'项目支出 / 财政信息化建设',NULL,'资金到位数',NULL,'金额',3000000.0,'3000000',300.0,'300',NULL,NULL,'300万元','万元',1.0,'1',1,NULL,153,'projects[0].items[0].arrived');
INSERT INTO "figures" VALUES('qinghe-czj',2023,83,2023,'项目',NULL,NULL,'项目支出 / 财政信息化建设',NULL,'资金到位率',NULL,'比率',NULL,NULL,NULL,NULL,100.0,'100','100%','%',1.0,'1',1,NULL,154,'projects[0].items[0].arrival_rate');
INSERT INTO "figures" VALUES('qinghe-czj',2023,84,2023,'项目',NULL,NULL,'项目支出 / 财政信息化建设',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,95.0,'95','95分','分',1.0,'1',1,NULL,155,'projects[0].items[0].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,85,2023,'项目',NULL,NULL,'项目支出 / 财政信息化建设 / 上线系统',NULL,'数值',NULL,'数量',NULL,NULL,NULL,NULL,2.0,'2','2个','个',1.0,'1',1,NULL,158,'projects[0].items[0].stats[0]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,86,2023,'项目',NULL,NULL,'项目支出 / 预算评审','2010602','年初预算','approved','金额',2000000.0,'2000000',200.0,'200',NULL,NULL,'200万元','万元',1.0,'1',1,NULL,163,'projects[0].items[1].budget_initial');
INSERT INTO "figures" VALUES('qinghe-czj',2023,87,2023,'项目',NULL,NULL,'项目支出 / 预算评审','2010602','全年预算','adjusted','金额',2000000.0,'2000000',200.0,'200',NULL,NULL,'200万元','万元',1.0,'1',1,NULL,166,'projects[0].items[1].budget_full');
INSERT INTO "figures" VALUES('qinghe-czj',2023,88,2023,'项目',NULL,NULL,'项目支出 / 预算评审','2010602','决算/执行','executed','金额',1900000.0,'1900000',190.0,'190',NULL,NULL,'190万元','万元',1.0,'1',1,NULL,164,'projects[0].items[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,89,2023,'项目',NULL,NULL,'项目支出 / 预算评审','2010602','执行率',NULL,'比率',NULL,NULL,NULL,NULL,95.0,'95','95%','%',1.0,'1',1,NULL,167,'projects[0].items[1].execution_rate');
INSERT INTO "figures" VALUES('qinghe-czj',2023,90,2023,'项目',NULL,NULL,'项目支出 / 预算评审','2010602','得分',NULL,'分值',NULL,NULL,NULL,NULL,86.0,'86','86分','分',1.0,'1',1,NULL,168,'projects[0].items[1].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,91,2023,'机关运行经费',NULL,NULL,'合计',NULL,'决算/执行','executed','金额',2000000.0,'2000000',200.0,'200',NULL,NULL,'200万元','万元',1.0,'1',1,NULL,175,'operating_costs.total.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,92,2022,'机关运行经费',NULL,NULL,'合计',NULL,'上年','executed','金额',2100000.0,'2100000',210.0,'210',NULL,NULL,'210万元','万元',1.0,'1',1,NULL,175,'operating_costs.total.prior');
INSERT INTO "figures" VALUES('qinghe-czj',2023,93,2023,'机关运行经费',NULL,NULL,'合计',NULL,'增减额',NULL,'金额',-100000.0,'-100000',-10.0,'-10',NULL,NULL,'-10万元','万元',1.0,'1',1,NULL,175,'operating_costs.total.change');
INSERT INTO "figures" VALUES('qinghe-czj',2023,94,2023,'机关运行经费',NULL,NULL,'合计',NULL,'增减率',NULL,'比率',NULL,NULL,NULL,NULL,-4.76,'-4.76','-4.76%','%',0.01,'0.01',1,NULL,175,'operating_costs.total.change_rate');
INSERT INTO "figures" VALUES('qinghe-czj',2023,95,2023,'机关运行经费',NULL,NULL,'办公费',NULL,'决算/执行','executed','金额',1200000.0,'1200000',120.0,'120',NULL,NULL,'120万元','万元',1.0,'1',1,NULL,177,'operating_costs.items[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,96,2023,'机关运行经费',NULL,NULL,'水电费',NULL,'决算/执行','executed','金额',800000.0,'800000',80.0,'80',NULL,NULL,'80万元','万元',1.0,'1',1,NULL,178,'operating_costs.items[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,97,2023,'国有资产占用',NULL,NULL,'合计',NULL,'决算/执行','executed','金额',30000000.0,'30000000',3000.0,'3000',NULL,NULL,'3000万元','万元',1.0,'1',1,NULL,184,'assets.total.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,98,2023,'国有资产占用',NULL,NULL,'流动资产',NULL,'决算/执行','executed','金额',10000000.0,'10000000',1000.0,'1000',NULL,NULL,'1000万元','万元',1.0,'1',1,NULL,186,'assets.items[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,99,2023,'国有资产占用',NULL,NULL,'固定资产',NULL,'决算/执行','executed','金额',20000000.0,'20000000',2000.0,'2000',NULL,NULL,'2000万元','万元',1.0,'1',1,NULL,188,'assets.items[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,100,2023,'国有资产占用',NULL,NULL,'固定资产 / 房屋',NULL,'决算/执行','executed','金额',15000000.0,'15000000',1500.0,'1500',NULL,NULL,'1500万元','万元',1.0,'1',1,NULL,190,'assets.items[1].items[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,101,2023,'国有资产占用',NULL,NULL,'固定资产 / 车辆',NULL,'决算/执行','executed','金额',5000000.0,'5000000',500.0,'500',NULL,NULL,'500万元','万元',1.0,'1',1,NULL,191,'assets.items[1].items[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,102,2023,'国有资产占用',NULL,NULL,'公务用车',NULL,'数值',NULL,'数量',NULL,NULL,NULL,NULL,3.0,'3','3辆','辆',1.0,'1',1,NULL,193,'assets.stats[0]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,103,2023,'国有资产占用',NULL,NULL,'办公用房面积',NULL,'数值',NULL,'数量',NULL,NULL,NULL,NULL,2400.0,'2400','2400平方米','平方米',1.0,'1',1,NULL,194,'assets.stats[1]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,104,2023,'政府采购',NULL,NULL,'合计',NULL,'决算/执行','executed','金额',3000000.0,'3000000',300.0,'300',NULL,NULL,'300万元','万元',1.0,'1',1,NULL,197,'procurement.total.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,105,2023,'政府采购',NULL,NULL,'货物',NULL,'决算/执行','executed','金额',1000000.0,'1000000',100.0,'100',NULL,NULL,'100万元','万元',1.0,'1',1,NULL,199,'procurement.items[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,106,2023,'政府采购',NULL,NULL,'工程',NULL,'决算/执行','executed','金额',0.0,'0',0.0,'0',NULL,NULL,'0万元','万元',1.0,'1',1,NULL,200,'procurement.items[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,107,2023,'政府采购',NULL,NULL,'服务',NULL,'决算/执行','executed','金额',2000000.0,'2000000',200.0,'200',NULL,NULL,'200万元','万元',1.0,'1',1,NULL,201,'procurement.items[2].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,108,2023,'政府采购',NULL,'相关数','授予中小企业合同金额',NULL,'决算/执行','executed','金额',2500000.0,'2500000',250.0,'250',NULL,NULL,'250万元','万元',1.0,'1',1,NULL,203,'procurement.related[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,109,2023,'政府采购',NULL,'相关数','授予中小企业合同金额',NULL,'占比',NULL,'比率',NULL,NULL,NULL,NULL,83.33,'83.33','83.33%','%',0.01,'0.01',1,NULL,203,'procurement.related[0].share');
INSERT INTO "figures" VALUES('qinghe-czj',2023,110,2023,'部门整体支出绩效自评',NULL,NULL,NULL,NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,96.5,'96.5','96.5分','分',0.1,'0.1',1,'四',207,'performance.score[0]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,111,2023,'部门整体支出绩效自评',NULL,NULL,NULL,NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,96.5,'96.5','96.5分','分',0.1,'0.1',2,'附件 自评表',208,'performance.score[1]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,112,2023,'部门整体支出绩效自评',NULL,NULL,NULL,NULL,'得分率',NULL,'比率',NULL,NULL,NULL,NULL,96.5,'96.5','96.50%','%',0.01,'0.01',1,NULL,209,'performance.score_rate');
INSERT INTO "figures" VALUES('qinghe-czj',2023,113,2023,'部门整体支出绩效自评',NULL,NULL,'预算执行率',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,217,'performance.weights[0].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,114,2023,'部门整体支出绩效自评',NULL,NULL,'预算执行率',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,9.5,'9.5','9.5分','分',0.1,'0.1',1,NULL,217,'performance.weights[0].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,115,2023,'部门整体支出绩效自评',NULL,NULL,'产出指标',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,50.0,'50','50分','分',1.0,'1',1,NULL,219,'performance.weights[1].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,116,2023,'部门整体支出绩效自评',NULL,NULL,'产出指标',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,48.0,'48','48分','分',1.0,'1',1,NULL,220,'performance.weights[1].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,117,2023,'部门整体支出绩效自评',NULL,NULL,'产出指标',NULL,'得分率',NULL,'比率',NULL,NULL,NULL,NULL,96.0,'96','96%','%',1.0,'1',1,NULL,221,'performance.weights[1].score_rate');
INSERT INTO "figures" VALUES('qinghe-czj',2023,118,2023,'部门整体支出绩效自评',NULL,NULL,'产出指标 / 数量指标',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,20.0,'20','20分','分',1.0,'1',1,NULL,223,'performance.weights[1].items[0].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,119,2023,'部门整体支出绩效自评',NULL,NULL,'产出指标 / 质量指标',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,15.0,'15','15分','分',1.0,'1',1,NULL,224,'performance.weights[1].items[1].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,120,2023,'部门整体支出绩效自评',NULL,NULL,'产出指标 / 时效指标',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,15.0,'15','15分','分',1.0,'1',1,NULL,225,'performance.weights[1].items[2].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,121,2023,'部门整体支出绩效自评',NULL,NULL,'效益指标',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,30.0,'30','30分','分',1.0,'1',1,NULL,227,'performance.weights[2].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,122,2023,'部门整体支出绩效自评',NULL,NULL,'效益指标',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,29.0,'29','29分','分',1.0,'1',1,NULL,228,'performance.weights[2].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,123,2023,'部门整体支出绩效自评',NULL,NULL,'效益指标 / 社会效益指标',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,30.0,'30','30分','分',1.0,'1',1,NULL,230,'performance.weights[2].items[0].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,124,2023,'部门整体支出绩效自评',NULL,NULL,'满意度指标',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,232,'performance.weights[3].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,125,2023,'部门整体支出绩效自评',NULL,NULL,'满意度指标',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,233,'performance.weights[3].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,126,2023,'部门整体支出绩效自评',NULL,NULL,'满意度指标 / 服务对象满意度指标',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,235,'performance.weights[3].items[0].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,127,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额',NULL,'年初预算','approved','金额',10000000.0,'10000000',1000.0,'1000',NULL,NULL,'1000万元','万元',1.0,'1',1,NULL,238,'performance.budget_execution.budget_initial');
INSERT INTO "figures" VALUES('qinghe-czj',2023,128,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额',NULL,'全年预算','adjusted','金额',12100000.0,'12100000',1210.0,'1210',NULL,NULL,'1210万元','万元',1.0,'1',1,NULL,239,'performance.budget_execution.budget_full');
INSERT INTO "figures" VALUES('qinghe-czj',2023,129,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额',NULL,'决算/执行','executed','金额',11800000.0,'11800000',1180.0,'1180',NULL,NULL,'1180万元','万元',1.0,'1',1,NULL,240,'performance.budget_execution.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,130,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额',NULL,'执行率',NULL,'比率',NULL,NULL,NULL,NULL,97.52,'97.52','97.52%','%',0.01,'0.01',1,NULL,241,'performance.budget_execution.execution_rate');
INSERT INTO "figures" VALUES('qinghe-czj',2023,131,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,242,'performance.budget_execution.weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,132,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,9.5,'9.5','9.5分','分',0.1,'0.1',1,NULL,243,'performance.budget_execution.score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,133,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额 / 当年财政拨款',NULL,'全年预算','adjusted','金额',11900000.0,'11900000',1190.0,'1190',NULL,NULL,'1190万元','万元',1.0,'1',1,NULL,245,'performance.budget_execution.items[0].budget_full');
INSERT INTO "figures" VALUES('qinghe-czj',2023,134,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额 / 当年财政拨款',NULL,'决算/执行','executed','金额',11600000.0,'11600000',1160.0,'1160',NULL,NULL,'1160万元','万元',1.0,'1',1,NULL,245,'performance.budget_execution.items[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,135,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额 / 上年结转资金',NULL,'全年预算','adjusted','金额',200000.0,'200000',20.0,'20',NULL,NULL,'20万元','万元',1.0,'1',1,NULL,246,'performance.budget_execution.items[1].budget_full');
INSERT INTO "figures" VALUES('qinghe-czj',2023,136,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额 / 上年结转资金',NULL,'决算/执行','executed','金额',200000.0,'200000',20.0,'20',NULL,NULL,'20万元','万元',1.0,'1',1,NULL,246,'performance.budget_execution.items[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,137,2023,'部门整体支出绩效自评',NULL,'按支出性质','年度资金总额 / 按支出性质分',NULL,'决算/执行','executed','金额',11800000.0,'11800000',1180.0,'1180',NULL,NULL,'1180万元','万元',1.0,'1',1,NULL,249,'performance.budget_execution.by_nature[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,138,2023,'部门整体支出绩效自评',NULL,'按支出性质','年度资金总额 / 按支出性质分 / 基本支出',NULL,'决算/执行','executed','金额',7000000.0,'7000000',700.0,'700',NULL,NULL,'700万元','万元',1.0,'1',1,NULL,251,'performance.budget_execution.by_nature[0].items[0].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,139,2023,'部门整体支出绩效自评',NULL,'按支出性质','年度资金总额 / 按支出性质分 / 项目支出',NULL,'决算/执行','executed','金额',4800000.0,'4800000',480.0,'480',NULL,NULL,'480万元','万元',1.0,'1',1,NULL,252,'performance.budget_execution.by_nature[0].items[1].actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,140,2023,'部门整体支出绩效自评',NULL,NULL,NULL,NULL,'绩效指标分值',NULL,'分值',NULL,NULL,NULL,NULL,90.0,'90','90分','分',1.0,'1',1,NULL,258,'performance.indicators_weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,141,2023,'部门整体支出绩效自评',NULL,NULL,'审核预算单位数',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,260,'performance.indicators[0].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,142,2023,'部门整体支出绩效自评',NULL,NULL,'审核预算单位数',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,260,'performance.indicators[0].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,143,2023,'部门整体支出绩效自评',NULL,NULL,'上线系统数',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,261,'performance.indicators[1].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,144,2023,'部门整体支出绩效自评',NULL,NULL,'上线系统数',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,9.0,'9','9分','分',1.0,'1',1,NULL,261,'performance.indicators[1].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,145,2023,'部门整体支出绩效自评',NULL,NULL,'决算数据准确率',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,15.0,'15','15分','分',1.0,'1',1,NULL,262,'performance.indicators[2].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,146,2023,'部门整体支出绩效自评',NULL,NULL,'决算数据准确率',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,15.0,'15','15分','分',1.0,'1',1,NULL,262,'performance.indicators[2].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,147,2023,'部门整体支出绩效自评',NULL,NULL,'预算按时批复',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,15.0,'15','15分','分',1.0,'1',1,NULL,263,'performance.indicators[3].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,148,2023,'部门整体支出绩效自评',NULL,NULL,'预算按时批复',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,14.0,'14','14分','分',1.0,'1',1,NULL,263,'performance.indicators[3].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,149,2023,'部门整体支出绩效自评',NULL,NULL,'预算公开率',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,15.0,'15','15分','分',1.0,'1',1,NULL,264,'performance.indicators[4].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,150,2023,'部门整体支出绩效自评',NULL,NULL,'预算公开率',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,15.0,'15','15分','分',1.0,'1',1,NULL,264,'performance.indicators[4].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,151,2023,'部门整体支出绩效自评',NULL,NULL,'财政保障能力',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,15.0,'15','15分','分',1.0,'1',1,NULL,265,'performance.indicators[5].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,152,2023,'部门整体支出绩效自评',NULL,NULL,'财政保障能力',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,14.0,'14','14分','分',1.0,'1',1,NULL,265,'performance.indicators[5].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,153,2023,'部门整体支出绩效自评',NULL,NULL,'预算单位满意度',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,266,'performance.indicators[6].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,154,2023,'部门整体支出绩效自评',NULL,NULL,'预算单位满意度',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,266,'performance.indicators[6].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,155,2023,'部门整体支出绩效自评',NULL,NULL,NULL,NULL,'总分值',NULL,'分值',NULL,NULL,NULL,NULL,100.0,'100','100分','分',1.0,'1',1,NULL,267,'performance.total_weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,156,2023,'部门整体支出绩效自评',NULL,NULL,NULL,NULL,'自评涉及资金',NULL,'金额',4800000.0,'4800000',480.0,'480',NULL,NULL,'480万元','万元',1.0,'1',1,NULL,268,'performance.evaluated_funds');
INSERT INTO "figures" VALUES('qinghe-czj',2023,157,2023,'部门整体支出绩效自评',NULL,NULL,NULL,NULL,'涉及资金占比',NULL,'比率',NULL,NULL,NULL,NULL,100.0,'100','100%','%',1.0,'1',1,NULL,269,'performance.evaluated_funds_share');
INSERT INTO "figures" VALUES('qinghe-czj',2023,158,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,95.0,'95','95分','分',1.0,'1',1,NULL,276,'project_performance[0].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,159,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 预算执行率',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,279,'project_performance[0].weights[0].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,160,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 预算执行率',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,9.67,'9.67','9.67分','分',0.01,'0.01',1,NULL,279,'project_performance[0].weights[0].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,161,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 产出指标',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,50.0,'50','50分','分',1.0,'1',1,NULL,280,'project_performance[0].weights[1].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,162,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 产出指标',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,45.33,'45.33','45.33分','分',0.01,'0.01',1,NULL,280,'project_performance[0].weights[1].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,163,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 效益指标',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,30.0,'30','30分','分',1.0,'1',1,NULL,281,'project_performance[0].weights[2].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,164,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 效益指标',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,30.0,'30','30分','分',1.0,'1',1,NULL,281,'project_performance[0].weights[2].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,165,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 满意度指标',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,282,'project_performance[0].weights[3].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,166,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 满意度指标',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,282,'project_performance[0].weights[3].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,167,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设',NULL,'全年预算','adjusted','金额',3000000.0,'3000000',300.0,'300',NULL,NULL,'300万元','万元',1.0,'1',1,NULL,283,'project_performance[0].budget_execution.budget_full');
INSERT INTO "figures" VALUES('qinghe-czj',2023,168,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设',NULL,'决算/执行','executed','金额',2900000.0,'2900000',290.0,'290',NULL,NULL,'290万元','万元',1.0,'1',1,NULL,283,'project_performance[0].budget_execution.actual');
INSERT INTO "figures" VALUES('qinghe-czj',2023,169,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设',NULL,'执行率',NULL,'比率',NULL,NULL,NULL,NULL,96.67,'96.67','96.67%','%',0.01,'0.01',1,NULL,283,'project_performance[0].budget_execution.execution_rate');
INSERT INTO "figures" VALUES('qinghe-czj',2023,170,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,283,'project_performance[0].budget_execution.weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,171,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,9.67,'9.67','9.67分','分',0.01,'0.01',1,NULL,283,'project_performance[0].budget_execution.score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,172,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 上线系统数',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,25.0,'25','25分','分',1.0,'1',1,NULL,288,'project_performance[0].indicators[0].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,173,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 上线系统数',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,20.33,'20.33','20.33分','分',0.01,'0.01',1,NULL,288,'project_performance[0].indicators[0].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,174,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 系统运行稳定率',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,25.0,'25','25分','分',1.0,'1',1,NULL,289,'project_performance[0].indicators[1].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,175,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 系统运行稳定率',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,25.0,'25','25分','分',1.0,'1',1,NULL,289,'project_performance[0].indicators[1].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,176,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 数据共享部门数',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,30.0,'30','30分','分',1.0,'1',1,NULL,290,'project_performance[0].indicators[2].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,177,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 数据共享部门数',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,30.0,'30','30分','分',1.0,'1',1,NULL,290,'project_performance[0].indicators[2].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,178,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 用户满意度',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,291,'project_performance[0].indicators[3].weight');
INSERT INTO "figures" VALUES('qinghe-czj',2023,179,2023,'项目支出绩效自评',NULL,NULL,'财政信息化建设 / 用户满意度',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,291,'project_performance[0].indicators[3].score');
INSERT INTO "figures" VALUES('qinghe-czj',2023,180,2023,'工作数据',NULL,NULL,'审核预算单位',NULL,'数值',NULL,'数量',NULL,NULL,NULL,NULL,56.0,'56','56个','个',1.0,'1',1,'三',318,'work_stats[0]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,181,2023,'工作数据',NULL,NULL,'评审项目',NULL,'数值',NULL,'数量',NULL,NULL,NULL,NULL,120.0,'120','120个','个',1.0,'1',1,NULL,319,'work_stats[1]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,182,2023,'工作数据',NULL,NULL,'评审项目 / 新增项目',NULL,'数值',NULL,'数量',NULL,NULL,NULL,NULL,30.0,'30','30个','个',1.0,'1',1,NULL,324,'work_stats[1].items[0]');
INSERT INTO "figures" VALUES('qinghe-czj',2023,183,2022,'工作数据',NULL,NULL,'上年审核预算单位',NULL,'数值',NULL,'数量',NULL,NULL,NULL,NULL,50.0,'50','50个','个',1.0,'1',1,NULL,325,'work_stats[2]');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,1,2023,'支出','部门全部资金','合计','支出合计',NULL,'全年预算','adjusted','金额',50000000.0,'50000000',5000.0,'5000',NULL,NULL,'5000万元','万元',1.0,'1',1,NULL,12,'expenditure[0].total.budget_full');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,2,2023,'支出','部门全部资金','合计','支出合计',NULL,'决算/执行','executed','金额',38000000.0,'38000000',3800.0,'3800',NULL,NULL,'3800万元','万元',1.0,'1',1,NULL,12,'expenditure[0].total.actual');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,3,2023,'支出','部门全部资金','合计','支出合计',NULL,'执行率',NULL,'比率',NULL,NULL,NULL,NULL,76.0,'76','76%','%',1.0,'1',1,NULL,12,'expenditure[0].total.execution_rate');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,4,2023,'支出','部门全部资金','按支出性质','基本支出',NULL,'决算/执行','executed','金额',30000000.0,'30000000',3000.0,'3000',NULL,NULL,'3000万元','万元',1.0,'1',1,NULL,14,'expenditure[0].by_nature[0].actual');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,5,2023,'支出','部门全部资金','按支出性质','项目支出',NULL,'决算/执行','executed','金额',8000000.0,'8000000',800.0,'800',NULL,NULL,'800万元','万元',1.0,'1',1,NULL,15,'expenditure[0].by_nature[1].actual');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,6,2023,'部门整体支出绩效自评',NULL,NULL,NULL,NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,78.0,'78','78分','分',1.0,'1',1,NULL,18,'performance.score');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,7,2023,'部门整体支出绩效自评',NULL,NULL,'预算执行率',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,21,'performance.weights[0].weight');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,8,2023,'部门整体支出绩效自评',NULL,NULL,'预算执行率',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,7.6,'7.6','7.6分','分',0.1,'0.1',1,NULL,21,'performance.weights[0].score');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,9,2023,'部门整体支出绩效自评',NULL,NULL,'产出指标',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,50.0,'50','50分','分',1.0,'1',1,NULL,22,'performance.weights[1].weight');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,10,2023,'部门整体支出绩效自评',NULL,NULL,'产出指标',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,40.4,'40.4','40.4分','分',0.1,'0.1',1,NULL,22,'performance.weights[1].score');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,11,2023,'部门整体支出绩效自评',NULL,NULL,'效益指标',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,30.0,'30','30分','分',1.0,'1',1,NULL,23,'performance.weights[2].weight');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,12,2023,'部门整体支出绩效自评',NULL,NULL,'效益指标',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,20.0,'20','20分','分',1.0,'1',1,NULL,23,'performance.weights[2].score');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,13,2023,'部门整体支出绩效自评',NULL,NULL,'满意度指标',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,24,'performance.weights[3].weight');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,14,2023,'部门整体支出绩效自评',NULL,NULL,'满意度指标',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,24,'performance.weights[3].score');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,15,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额',NULL,'全年预算','adjusted','金额',50000000.0,'50000000',5000.0,'5000',NULL,NULL,'5000万元','万元',1.0,'1',1,NULL,25,'performance.budget_execution.budget_full');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,16,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额',NULL,'决算/执行','executed','金额',38000000.0,'38000000',3800.0,'3800',NULL,NULL,'3800万元','万元',1.0,'1',1,NULL,25,'performance.budget_execution.actual');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,17,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额',NULL,'执行率',NULL,'比率',NULL,NULL,NULL,NULL,76.0,'76','76%','%',1.0,'1',1,NULL,25,'performance.budget_execution.execution_rate');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,18,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,25,'performance.budget_execution.weight');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,19,2023,'部门整体支出绩效自评',NULL,NULL,'年度资金总额',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,7.6,'7.6','7.6分','分',0.1,'0.1',1,NULL,25,'performance.budget_execution.score');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,20,2023,'部门整体支出绩效自评',NULL,NULL,'新建校舍面积',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,50.0,'50','50分','分',1.0,'1',1,NULL,27,'performance.indicators[0].weight');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,21,2023,'部门整体支出绩效自评',NULL,NULL,'新建校舍面积',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,40.4,'40.4','40.4分','分',0.1,'0.1',1,NULL,27,'performance.indicators[0].score');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,22,2023,'部门整体支出绩效自评',NULL,NULL,'学位供给',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,30.0,'30','30分','分',1.0,'1',1,NULL,28,'performance.indicators[1].weight');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,23,2023,'部门整体支出绩效自评',NULL,NULL,'学位供给',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,20.0,'20','20分','分',1.0,'1',1,NULL,28,'performance.indicators[1].score');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,24,2023,'部门整体支出绩效自评',NULL,NULL,'家长满意度',NULL,'分值',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,29,'performance.indicators[2].weight');
INSERT INTO "figures" VALUES('qinghe-jyj',2023,25,2023,'部门整体支出绩效自评',NULL,NULL,'家长满意度',NULL,'得分',NULL,'分值',NULL,NULL,NULL,NULL,10.0,'10','10分','分',1.0,'1',1,NULL,29,'performance.indicators[2].score');
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
INSERT INTO "findings" VALUES('qinghe-czj','清河县财政局',2023,1,'sum.parts','各项之和等于所述合计','错误','支出（部门全部资金）·基本支出：决算/执行','各项之和 690万元，所述合计 700万元，相差 10万元','690万元','-10万元','0.015万元','合计（决算/执行） 700万元（第91行）；人员经费（决算/执行） 500万元（第93行）；公用经费（决算/执行） 190万元（第94行）','原文人员经费500万元、公用经费190万元，合计690万元，与基本支出700万元差10万元，照原文录入。（网站内容审核，2024-07-01）','content/departments/qinghe-czj/2023.yaml',91);
INSERT INTO "findings" VALUES('qinghe-czj','清河县财政局',2023,2,'perf.deviation','未达到年度指标值的指标写明偏差原因','警告','项目支出绩效自评（财政信息化建设）·上线系统数','年度指标值 3，实际完成值 2，未填写偏差原因',NULL,NULL,NULL,'得分 20.33分（第288行）',NULL,'content/departments/qinghe-czj/2023.yaml',288);
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
INSERT INTO "indicators" VALUES('qinghe-czj','清河县财政局',2023,1,'部门整体支出',1,'产出指标','数量指标','审核预算单位数','56',NULL,'56',NULL,10.0,'10',10.0,'10',NULL,NULL,0,0,NULL,'content/departments/qinghe-czj/2023.yaml',260);
INSERT INTO "indicators" VALUES('qinghe-czj','清河县财政局',2023,2,'部门整体支出',2,'产出指标','数量指标','上线系统数','3',NULL,'2',NULL,10.0,'10',9.0,'9',NULL,NULL,0,1,'一个系统延期至次年上线。','content/departments/qinghe-czj/2023.yaml',261);
INSERT INTO "indicators" VALUES('qinghe-czj','清河县财政局',2023,3,'部门整体支出',3,'产出指标','质量指标','决算数据准确率','100%',NULL,'100%',NULL,15.0,'15',15.0,'15',NULL,NULL,0,0,NULL,'content/departments/qinghe-czj/2023.yaml',262);
INSERT INTO "indicators" VALUES('qinghe-czj','清河县财政局',2023,4,'部门整体支出',4,'产出指标','时效指标','预算按时批复','20日内',NULL,'22日',NULL,15.0,'15',14.0,'14',NULL,NULL,0,0,'人大会议推迟。','content/departments/qinghe-czj/2023.yaml',263);
INSERT INTO "indicators" VALUES('qinghe-czj','清河县财政局',2023,5,'部门整体支出',5,'效益指标','社会效益指标','预算公开率','100%',NULL,'100%',NULL,15.0,'15',15.0,'15',NULL,NULL,0,0,NULL,'content/departments/qinghe-czj/2023.yaml',264);
INSERT INTO "indicators" VALUES('qinghe-czj','清河县财政局',2023,6,'部门整体支出',6,'效益指标','社会效益指标','财政保障能力','稳步提升',NULL,'提升',NULL,15.0,'15',14.0,'14',NULL,NULL,0,0,NULL,'content/departments/qinghe-czj/2023.yaml',265);
INSERT INTO "indicators" VALUES('qinghe-czj','清河县财政局',2023,7,'部门整体支出',7,'满意度指标','服务对象满意度指标','预算单位满意度','≥95%',NULL,'98%',NULL,10.0,'10',10.0,'10',NULL,NULL,0,0,NULL,'content/departments/qinghe-czj/2023.yaml',266);
INSERT INTO "indicators" VALUES('qinghe-czj','清河县财政局',2023,8,'项目支出：财政信息化建设',1,'产出指标','数量指标','上线系统数','3',NULL,'2',NULL,25.0,'25',20.33,'20.33',NULL,NULL,0,1,NULL,'content/departments/qinghe-czj/2023.yaml',288);
INSERT INTO "indicators" VALUES('qinghe-czj','清河县财政局',2023,9,'项目支出：财政信息化建设',2,'产出指标','质量指标','系统运行稳定率','99%',NULL,'99.5%',NULL,25.0,'25',25.0,'25',NULL,NULL,0,0,NULL,'content/departments/qinghe-czj/2023.yaml',289);
INSERT INTO "indicators" VALUES('qinghe-czj','清河县财政局',2023,10,'项目支出：财政信息化建设',3,'效益指标','社会效益指标','数据共享部门数','10',NULL,'12',NULL,30.0,'30',30.0,'30',NULL,NULL,0,0,NULL,'content/departments/qinghe-czj/2023.yaml',290);
INSERT INTO "indicators" VALUES('qinghe-czj','清河县财政局',2023,11,'项目支出：财政信息化建设',4,'满意度指标','服务对象满意度指标','用户满意度','90%',NULL,'95%',NULL,10.0,'10',10.0,'10',NULL,NULL,0,0,NULL,'content/departments/qinghe-czj/2023.yaml',291);
INSERT INTO "indicators" VALUES('qinghe-jyj','清河县教育局',2023,1,'部门整体支出',1,'产出指标','数量指标','新建校舍面积','5000平方米',NULL,'4040平方米',NULL,50.0,'50',40.4,'40.4',NULL,NULL,0,1,'工程延期。','content/departments/qinghe-jyj/2023.yaml',27);
INSERT INTO "indicators" VALUES('qinghe-jyj','清河县教育局',2023,2,'部门整体支出',2,'效益指标','社会效益指标','学位供给','增加',NULL,'略有增加',NULL,30.0,'30',20.0,'20',NULL,NULL,0,0,'部分学校未完工。','content/departments/qinghe-jyj/2023.yaml',28);
INSERT INTO "indicators" VALUES('qinghe-jyj','清河县教育局',2023,3,'部门整体支出',3,'满意度指标','服务对象满意度指标','家长满意度','90%',NULL,'92%',NULL,10.0,'10',10.0,'10',NULL,NULL,0,0,NULL,'content/departments/qinghe-jyj/2023.yaml',29);
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
INSERT INTO "meta_tables" VALUES('figures','全部数字','报告所述的每一个数字一行（同一数字多处所述时每处一行），注明所在部分、项目、阶段和原文位置。部门名称、所在地区、报告类型与数据文件按部门代号和年度见 reports.csv 与 departments.csv。主键：department、year、seq；按 department、year、field、statement 有索引（唯一）。',208);
INSERT INTO "meta_tables" VALUES('indicators','绩效指标','绩效自评表的每一行指标。主键：department、year、seq；按 department、year、evaluation、row 有索引（不强制唯一）。',14);
INSERT INTO "meta_tables" VALUES('findings','数据核验发现','数据核验发现的每一处不一致，附所比较的数字。主键：department、year、seq；按 department、year、rule、subject 有索引（不强制唯一）。',2);
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
INSERT INTO "reports" VALUES('qinghe-czj','清河县财政局',2023,'部门决算、绩效自评报告','清河县财政局2023年度部门决算','清河县财政局','2024-05-10','2024-06-01','99010100-2024-000123','https://example.org/xxgk/2024/czj-juesuan.html','2024-06-15','万元',96.5,'96.5','优秀','优',2,'content/departments/qinghe-czj/2023.yaml','https://example.org/gongkai/departments/qinghe-czj/2023/');
INSERT INTO "reports" VALUES('qinghe-jyj','清河县教育局',2023,'绩效自评报告','清河县教育局2023年度部门整体支出绩效自评报告','清河县教育局','2024-03-15',NULL,NULL,NULL,NULL,'万元',78.0,'78','中','中',0,'content/departments/qinghe-jyj/2023.yaml','https://example.org/gongkai/departments/qinghe-jyj/2023/');
CREATE UNIQUE INDEX "figures_key" ON "figures" ("department", "year", "field", "statement");
CREATE INDEX "indicators_key" ON "indicators" ("department", "year", "evaluation", "row");
CREATE INDEX "findings_key" ON "findings" ("department", "year", "rule", "subject");
COMMIT;
