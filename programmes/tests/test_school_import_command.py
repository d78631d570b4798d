"""manage.py import_schools: importing schools from a GIAS CSV export on the command line."""

import io
import re

import pytest
from django.core.management import CommandError, call_command

from programmes.models import School

from .gias_csv import CURLY_NAME, WRONG_FILES, gias_csv, school_row


def test_the_command_imports_a_file_and_prints_a_summary(authorities, tmp_path, capsys):
    path = tmp_path / "edubasealldata.csv"
    path.write_bytes(
        gias_csv(
            school_row(URN="115001", EstablishmentName=CURLY_NAME),
            school_row(URN="115002", **{"EstablishmentStatus (name)": "Closed"}),
            school_row(URN="115003", **{"LA (name)": "Norfolk"}),
            school_row(URN="oops"),
        )
    )
    stdout = io.StringIO()

    call_command("import_schools", str(path), stdout=stdout)

    output = stdout.getvalue()
    assert "Imported edubasealldata.csv." in output
    assert "Created: 1" in output
    assert "Updated: 0" in output
    assert "Skipped, closed: 1" in output
    assert "Skipped, not in a participating local authority: 1" in output
    assert "Rows with errors: 1" in output
    assert "Row 5 (URN oops): The URN 'oops' is not a whole number." in output
    assert "Importing schools" in capsys.readouterr().err  # the progress bar
    assert School.objects.get().name == CURLY_NAME


def test_the_command_stops_with_a_clear_message_on_a_wrong_file(authorities, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(WRONG_FILES["pdf"][0])

    with pytest.raises(
        CommandError, match=re.escape("report.pdf was not imported. This is a PDF file, not a CSV file.")
    ):
        call_command("import_schools", str(path), verbosity=0)

    assert not School.objects.exists()


def test_the_command_says_when_there_is_no_file(db, tmp_path):
    with pytest.raises(CommandError, match=r"There is no file at .*missing\.csv\. Check the path"):
        call_command("import_schools", str(tmp_path / "missing.csv"))
