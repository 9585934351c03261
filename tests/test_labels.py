"""One table of labels: every figure of the model has its name there, and pages, data and checks read it."""

from __future__ import annotations

from generator import checks
from generator.outputs import data
from generator.content import labels, model
from generator.site import views
from generator.content.figures import Figure


def _figure_fields(cls) -> set[str]:
    """The fields of a model class that hold a stated figure (money, rate or score)."""
    out = set()
    for name, field in cls.model_fields.items():
        annotation = str(field.annotation)
        if "Figure" in annotation or getattr(field.annotation, "__origin__", None) is Figure:
            out.add(name)
    return out


def test_every_figure_of_a_row_and_of_an_evaluation_has_a_label():
    for cls in (model.Amounts, model.Line, model.Project, model.BudgetExecution, model.Performance):
        assert _figure_fields(cls) <= set(labels.FIGURES) | {"control_rate"}, cls.__name__
    assert set(labels.SANGONG) == {n for n, f in model.SanGong.model_fields.items() if "Amounts" in str(f.annotation)}
    counts = {n for cls in (model.Staffing, model.Organization) for n, f in cls.model_fields.items()
              if n.endswith(("_count", "authorized", "actual_start", "actual_end", "total_staff", "retired", "vehicles",
                             "control_rate"))}
    assert counts == set(labels.COUNTS)


def test_the_model_describes_its_fields_from_the_table():
    for key in ("budget", "actual", "change", "variance", "variance_rate", "arrival_rate"):
        field = model.Project.model_fields[key]
        assert field.description == labels.FIGURES[key].description
    assert model.STAGES == labels.STAGES
    assert model.SANGONG_LABELS["vehicle_operation"] == labels.SANGONG["vehicle_operation"].name


def test_a_signed_figure_reads_one_way_in_sentences_another_in_headers_from_one_entry():
    variance = labels.FIGURES["variance"]
    assert variance.name == "结余（超支）额"
    assert variance.heading() == "结余额（超支为负）"
    assert variance.heading("元") == "结余额（元，超支为负）"
    assert labels.FIGURES["variance_rate"].heading("%") == "结余率（%，超支为负）"
    assert labels.FIGURES["change"].heading("元") == "增减额（元）"


def test_views_data_and_checks_use_the_same_names():
    for key in views.COLUMNS:
        column = views.FigureColumn(key)
        assert column.label == labels.FIGURES[key].heading()
        assert data.MEASURES[key] == column.label
        assert checks.LABELS[key] == labels.FIGURES[key].name
    assert checks.RULES["rate.variance"].title.startswith("所述结余（超支）额等于预算数减决算/执行数")
    assert data.SECTIONS == labels.SECTIONS
