"""数据核验: the rules that check a report's figures against each other (`checker`)."""

from .checker import (LABELS, RULES, SEVERITY_LABELS, Result, Rule, Term, check_content, check_department,
                      check_report, findings, prior_report_checks)

__all__ = ["LABELS", "RULES", "SEVERITY_LABELS", "Result", "Rule", "Term", "check_content", "check_department",
           "check_report", "findings", "prior_report_checks"]
