"""数据核验: the rules that check a report's figures against each other. `results` holds the
rules and what a check gives (`Result`, `CheckTerm`), `checker` runs them over a report
(`Checker`) and across a department's reports, `paths` finds and names the figures."""

from .checker import check_content, check_department, check_report, prior_report_checks
from .paths import LABELS
from .results import RULES, SEVERITY_LABELS, CheckTerm, Result, Rule, explained_by, findings, unexplained

__all__ = ["LABELS", "RULES", "SEVERITY_LABELS", "CheckTerm", "Result", "Rule", "check_content", "check_department",
           "check_report", "explained_by", "findings", "prior_report_checks", "unexplained"]
