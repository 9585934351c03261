"""Two ways a self-evaluation's account of its spending names what the words alone leave open
(issue 19): a count of projects that opens the list of them (“2023年实施项目4个：A全年预算…，支出…，
执行率…；B…”) makes each name a project; and an amount said to be a share of the year's spending
(“基本支出652.18万元，占全年支出的50.54%”) is what was spent."""

from __future__ import annotations

import yaml

from generator.importer import draft_text

HEAD = "葭川县某中心2023年度部门整体支出绩效自评报告\n\n一、部门基本情况\n（三）部门预算收支情况\n"


def drafted(text: str) -> tuple[dict, list[str]]:
    result = draft_text(HEAD + text + "\n", 2023)
    tree = yaml.load(result.yaml.split("\nunplaced:")[0], Loader=yaml.BaseLoader)
    return tree, [item.text for item in result.loose]


def test_a_count_of_projects_opening_a_list_makes_each_name_a_project():
    tree, loose = drafted("2023年实施项目2个：集中办公区物业管理全年预算268.00万元，支出268.00万元，执行率100.00%；"
                          "公务用车服务平台运行全年预算156.40万元，支出148.62万元，执行率95.03%。")
    [group] = tree["projects"]
    assert group["name"] == "项目支出"
    assert [{k: v for k, v in item.items()} for item in group["items"]] == [
        {"name": "集中办公区物业管理", "budget_full": "268.00", "actual": "268.00", "execution_rate": "100.00%"},
        {"name": "公务用车服务平台运行", "budget_full": "156.40", "actual": "148.62", "execution_rate": "95.03%"}]
    assert not [t for t in loose if "万元" in t or "%" in t]


def test_names_after_a_count_that_opens_no_list_are_not_taken_for_projects():
    """“实施项目2个。” then names with money: the list is not opened, so the names stay unplaced."""
    tree, loose = drafted("2023年实施项目2个。集中办公区物业管理全年预算268.00万元，支出268.00万元。")
    assert "projects" not in tree
    assert "268.00万元" in loose


def test_an_amount_given_as_a_share_of_the_years_spending_is_spent_money():
    tree, _ = drafted("2023年年初预算1186.40万元，全年预算1321.60万元。全年支出1290.34万元，预算执行率97.36%。\n"
                      "按支出性质分，基本支出652.18万元，占全年支出的50.54%，其中人员经费548.36万元。")
    [account] = tree["expenditure"]
    [basic] = account["by_nature"]
    assert (basic["name"], basic["actual"], basic["share"]) == ("基本支出", "652.18", "50.54%")
    assert basic["items"][0]["actual"] == "548.36"


def test_an_amount_given_as_a_share_of_the_budget_is_not_taken_for_spent_money():
    _, loose = drafted("2023年年初预算1186.40万元，全年预算1321.60万元。全年支出1290.34万元，预算执行率97.36%。\n"
                       "按支出性质分，基本支出700.00万元，占全年预算的52.97%。")
    assert "700.00万元" in loose
