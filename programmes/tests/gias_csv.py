"""Building Get Information About Schools (GIAS) CSV exports for the school import tests."""

import csv
import io

COLUMNS = [
    "URN",
    "LA (code)",
    "LA (name)",
    "EstablishmentName",
    "TypeOfEstablishment (name)",
    "EstablishmentStatus (name)",
    "PhaseOfEducation (name)",
    "StatutoryLowAge",
    "Postcode",
]
CURLY_NAME = (
    "St Mary\u2019s & St John\u2019s Church of England Primary School, Leigh-on-Sea"  # curly apostrophes
)


def school_row(**values) -> dict:
    return {
        "URN": "115000",
        "LA (code)": "881",
        "LA (name)": "Essex",
        "EstablishmentName": "Meadow Lane Primary School",
        "TypeOfEstablishment (name)": "Community school",
        "EstablishmentStatus (name)": "Open",
        "PhaseOfEducation (name)": "Primary",
        "StatutoryLowAge": "4",
        "Postcode": "CM1 1AA",
        **values,
    }


def gias_csv(*rows: dict, columns=COLUMNS, encoding="cp1252", bom=False) -> bytes:
    """A GIAS-like export: Windows line endings, cp1252 unless told otherwise."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + text.getvalue().encode(encoding)


# Files that are not a GIAS export, with the start of the message each gets.
WRONG_FILES = {
    "empty": (b"", "The file is empty."),
    "blank": (b"\r\n\r\n", "The file is empty."),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "This is a PDF file"),
    "xlsx": (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "This is a ZIP or Excel file"),
    "utf-16": ("URN,EstablishmentName\r\n".encode("utf-16"), "This is not a CSV file."),
    "binary": (bytes(range(256)) * 300, "This is not a CSV file."),
    "other csv": (
        b"Name,Email\r\nAda,ada@example.org\r\n",
        "it has none of the columns URN, EstablishmentName",
    ),
    "one column missing": (
        gias_csv(school_row(), columns=[c for c in COLUMNS if c != "PhaseOfEducation (name)"]),
        "The file has no 'PhaseOfEducation (name)' column.",
    ),
    "not text halfway": (
        gias_csv(school_row(URN="115001"), school_row(URN="115002")) + b"\x81\x8d\x8f\x90\r\n",
        "Line 4 of the file is not text.",
    ),
}
