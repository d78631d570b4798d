"""The "Leadership pipeline" report in the Wagtail admin, for LA officers (and superusers).

Its date-range form, its view, the server-drawn bar charts' geometry, and the menu item and URL
that ``wagtail_hooks`` registers. The numbers come from ``selectors.pipeline_report_for``.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput

from programmes.models import LocalAuthority

from .models import Readiness
from .permissions import user_can_view_pipeline_report
from .selectors import pipeline_report_for

PIPELINE_REPORT_URL_NAME = "talentpool_pipeline_report"

# Bar chart geometry, in CSS pixels (heights) and per cent of the chart's width (bar lengths).
# Widths are percentages so the text never shrinks on a narrow screen; the longest bar leaves
# room after it for its value label.
LONGEST_BAR_PERCENT = 62
LABEL_HEIGHT = 22
BAR_HEIGHT = 18
BAR_GAP = 6
GROUP_GAP = 14


class PipelineReportForm(forms.Form):
    """The report's filters, from the URL. Superusers may also choose one local authority."""

    date_from = forms.DateField(
        label=gettext_lazy("Start date"),
        required=False,
        widget=AdminDateInput,
        help_text=gettext_lazy("For example, 2025-09-01"),
        error_messages={
            "invalid": gettext_lazy("Enter the start date as a real date, for example 2025-09-01.")
        },
    )
    date_to = forms.DateField(
        label=gettext_lazy("End date"),
        required=False,
        widget=AdminDateInput,
        help_text=gettext_lazy("For example, 2026-07-31"),
        error_messages={
            "invalid": gettext_lazy("Enter the end date as a real date, for example 2026-07-31.")
        },
    )

    def __init__(self, *args, choose_local_authority: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if choose_local_authority:
            self.fields["local_authority"] = forms.ModelChoiceField(
                label=_("Local authority"),
                queryset=LocalAuthority.objects.order_by("name"),
                required=False,
                empty_label=_("All local authorities"),
                error_messages={"invalid_choice": _("Choose a local authority from the list.")},
            )

    def clean(self):
        cleaned_data = super().clean()
        date_from, date_to = cleaned_data.get("date_from"), cleaned_data.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error(
                "date_to",
                _("The end date must be the same as or after the start date. Change one of the dates."),
            )
        return cleaned_data

    def report_filters(self) -> dict:
        """The filters to apply: none at all when any of them is wrong."""
        if not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}


def _bar_chart(*, chart_id: str, title: str, rows: list[dict], series: list[str] | None = None) -> dict:
    """A horizontal bar chart of ``rows`` (each a ``label`` and its ``counts``, one per series).

    With one series a row is one bar labelled with its number; with several, each bar's label
    also names its series ("3 ready now"), so no colour key is needed.
    """
    series = series or [""]
    largest = max((count for row in rows for count in row["counts"]), default=0)
    groups, y = [], 0
    for row in rows:
        bars = []
        for index, (name, count) in enumerate(zip(series, row["counts"], strict=True)):
            bar_y = y + LABEL_HEIGHT + index * (BAR_HEIGHT + BAR_GAP)
            width = round(count / largest * LONGEST_BAR_PERCENT, 2) if largest else 0
            bars.append(
                {
                    "y": bar_y,
                    "text_y": bar_y + BAR_HEIGHT - 4,
                    "width": width,
                    "text": f"{count} {name}".strip(),
                }
            )
        groups.append({"label": row["label"], "label_y": y + LABEL_HEIGHT - 7, "bars": bars})
        y += LABEL_HEIGHT + len(series) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP
    description = "; ".join(
        f"{row['label']}: " + ", ".join(bar["text"] for bar in group["bars"])
        for row, group in zip(rows, groups, strict=True)
    )
    return {
        "id": chart_id,
        "title": title,
        "description": description,
        "groups": groups,
        "height": max(y - GROUP_GAP, 0),
    }


def _single_series(rows: list[dict]) -> list[dict]:
    return [{"label": row["label"], "counts": [row["count"]], "total": row["count"]} for row in rows]


def _sections(report: dict) -> list[dict]:
    """The report's five sections, each a chart and a table of the same numbers."""
    readiness_labels = [str(label) for _value, label in report["readiness_columns"]]
    short_readiness = {
        Readiness.READY_NOW: _("ready now"),
        Readiness.ONE_TO_TWO_YEARS: _("in 1 to 2 years"),
        Readiness.THREE_PLUS_YEARS: _("in 3+ years"),
    }
    readiness_series = [
        short_readiness.get(value, _("not given")) for value, _label in report["readiness_columns"]
    ]
    status_labels = [str(label) for _value, label in report["interest_statuses"]]
    days = report["due_within_days"]
    by_phase = _single_series(report["by_phase"])
    by_target_role = _single_series(report["by_target_role"])
    return [
        {
            "id": "role-readiness",
            "heading": _("Aspirants by current role and readiness"),
            "row_heading": _("Current role"),
            "columns": readiness_labels,
            "rows": report["by_role_and_readiness"],
            "chart": _bar_chart(
                chart_id="role-readiness",
                title=_("Aspirants by current role and readiness for their next role"),
                rows=report["by_role_and_readiness"],
                series=readiness_series,
            ),
            "empty": _("No aspirants to count."),
        },
        {
            "id": "phase",
            "heading": _("Aspirants by school phase"),
            "row_heading": _("School phase"),
            "columns": [_("Aspirants")],
            "rows": by_phase,
            "chart": _bar_chart(chart_id="phase", title=_("Aspirants by school phase"), rows=by_phase),
            "empty": _("No aspirants to count."),
        },
        {
            "id": "target-role",
            "heading": _("Aspirants by the role they are aiming for"),
            "row_heading": _("Role they are aiming for"),
            "columns": [_("Aspirants")],
            "rows": by_target_role,
            "chart": _bar_chart(
                chart_id="target-role",
                title=_("Aspirants by the role they are aiming for"),
                rows=by_target_role,
            ),
            "empty": _("No aspirants to count."),
        },
        {
            "id": "programme-interest",
            "heading": _("Programme interest"),
            "row_heading": _("Programme"),
            "columns": status_labels,
            "rows": report["programme_interest"],
            "chart": _bar_chart(
                chart_id="programme-interest",
                title=_("Aspirants interested in, enrolled on, completed or withdrawn from each programme"),
                rows=report["programme_interest"],
                series=[_("interested"), _("enrolled"), _("completed"), _("withdrawn")],
            ),
            "empty": _("No programme interest to count."),
        },
        {
            "id": "follow-ups",
            "heading": _("Follow-ups by School Improvement Partner"),
            "row_heading": _("School Improvement Partner"),
            "columns": [
                _("Overdue"),
                ngettext("Due in the next %(days)d day", "Due in the next %(days)d days", days)
                % {"days": days},
            ],
            "rows": report["follow_ups_by_sip"],
            "chart": _bar_chart(
                chart_id="follow-ups",
                title=_("Follow-ups overdue and due soon for each School Improvement Partner's aspirants"),
                rows=report["follow_ups_by_sip"],
                series=[_("overdue"), _("due soon")],
            ),
            "empty": _("No School Improvement Partners are assigned to schools at the moment."),
            # An aspirant at a school with two SIPs counts for both, so a column total would mislead.
            "show_totals": False,
        },
    ]


def _with_column_totals(section: dict) -> dict:
    section["column_totals"] = [
        sum(row["counts"][index] for row in section["rows"]) for index in range(len(section["columns"]))
    ]
    section["grand_total"] = sum(section["column_totals"])
    section.setdefault("show_totals", True)
    return section


class PipelineReportView(WagtailAdminTemplateMixin, TemplateView):
    """Counts of the officer's LA's aspirants as charts and tables, filtered by date range."""

    template_name = "talentpool/admin/pipeline_report.html"
    page_title = gettext_lazy("Leadership pipeline")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not user_can_view_pipeline_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        form = PipelineReportForm(self.request.GET or None, choose_local_authority=user.is_superuser)
        filters = form.report_filters() if form.is_bound else {}
        report = pipeline_report_for(user=user, **filters)
        context.update(
            form=form,
            filters=filters,
            report=report,
            sections=[_with_column_totals(section) for section in _sections(report)],
            media=form.media,
            action_url=reverse(PIPELINE_REPORT_URL_NAME),
        )
        return context


class PipelineReportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_view_pipeline_report(request.user)


def pipeline_report_urls() -> list:
    """For the "register_admin_urls" hook."""
    return [path("reports/leadership-pipeline/", PipelineReportView.as_view(), name=PIPELINE_REPORT_URL_NAME)]


def pipeline_report_menu_item() -> MenuItem:
    """For the "register_reports_menu_item" hook."""
    return PipelineReportMenuItem(
        gettext_lazy("Leadership pipeline"),
        reverse(PIPELINE_REPORT_URL_NAME),
        name="leadership-pipeline",
        icon_name="group",
        order=1300,
    )
