"""Spreadsheet downloads from the admin's talent pool listings, safe to open in a spreadsheet."""

from ..exports import spreadsheet_safe


class FormulaSafeExportMixin:
    """For views with Wagtail's ``SpreadsheetExportMixin``: neutralise formula-like text in every cell.

    Wagtail keeps XLSX cells that start with "=" as text but writes CSV cells as they are, so a
    name such as ``=HYPERLINK(...)`` would run when the CSV is opened. The rule is the review
    list's download's (``talentpool.exports.spreadsheet_safe``).
    """

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_safe(super().preprocess_field_value(field, value, export_format))
