"""Spreadsheet downloads from the admin's talent pool listings, safe to open in a spreadsheet."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def formula_neutralised(value):
    """Text a spreadsheet would read as a formula gets a leading apostrophe; other values stay as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For views with Wagtail's ``SpreadsheetExportMixin``: neutralise formula-like text in every cell.

    Wagtail keeps XLSX cells that start with "=" as text but writes CSV cells as they are, so a
    name such as ``=HYPERLINK(...)`` would run when the CSV is opened.
    """

    def preprocess_field_value(self, field, value, export_format):
        return formula_neutralised(super().preprocess_field_value(field, value, export_format))
