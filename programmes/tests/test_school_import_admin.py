"""Importing schools from a GIAS CSV export in the Wagtail admin: who may, the upload and the results."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from home.factories import UserFactory
from programmes.forms import SchoolImportForm
from programmes.models import School

from .gias_csv import CURLY_NAME, WRONG_FILES, gias_csv, school_row

IMPORT_URL = "/admin/schools/import/"


def upload(content: bytes, name="edubasealldata.csv"):
    return {"file": SimpleUploadedFile(name, content, content_type="text/csv")}


def test_an_la_officer_finds_the_import_button_on_the_schools_listing(client, la_officer):
    client.force_login(la_officer)

    response = client.get(reverse("wagtailsnippets_programmes_school:list"))

    assert response.status_code == 200
    assert IMPORT_URL.encode() in response.content
    assert b"Import schools" in response.content


def test_an_la_officer_uploads_a_file_and_sees_the_results(client, la_officer, authorities):
    client.force_login(la_officer)
    form_page = client.get(IMPORT_URL)
    assert form_page.status_code == 200
    assert b'type="file"' in form_page.content

    response = client.post(
        IMPORT_URL,
        upload(
            gias_csv(
                school_row(URN="115001", EstablishmentName=CURLY_NAME),
                school_row(URN="115002", **{"EstablishmentStatus (name)": "Closed"}),
                school_row(URN="115003", **{"PhaseOfEducation (name)": "Middle school"}),
            )
        ),
    )

    assert response.status_code == 200
    assert "programmes/admin/school_import_results.html" in [t.name for t in response.templates]
    result = response.context["result"]
    assert (result.created, result.skipped_closed, result.error_count) == (1, 1, 1)
    content = response.content.decode()
    assert "Schools imported" in content
    assert "1 row could not be imported." in content
    assert "<td>4</td>" in content and "<td>115003</td>" in content
    assert "The phase &#x27;Middle school&#x27; is not one the portal knows." in content
    assert School.objects.get().name == CURLY_NAME


def test_a_moderator_may_import_too(client, moderator, authorities):
    client.force_login(moderator)

    response = client.post(IMPORT_URL, upload(gias_csv(school_row())))

    assert response.status_code == 200
    assert School.objects.count() == 1


def test_a_wrong_file_gets_an_error_next_to_the_field_and_changes_nothing(client, la_officer, authorities):
    client.force_login(la_officer)

    response = client.post(IMPORT_URL, upload(WRONG_FILES["pdf"][0], name="minutes.pdf"))

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "This is a PDF file, not a CSV file. "
        "Choose the CSV file you downloaded from Get Information About Schools."
    ]
    assert "The schools were not imported." in response.content.decode()
    assert not School.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, la_officer, authorities, monkeypatch):
    monkeypatch.setattr(SchoolImportForm, "MAX_UPLOAD_SIZE", 100)
    client.force_login(la_officer)

    response = client.post(IMPORT_URL, upload(gias_csv(school_row(), school_row(URN="115001"))))

    assert response.status_code == 200
    assert "larger than the 50 MB limit" in response.context["form"].errors["file"][0]
    assert not School.objects.exists()


def test_no_file_chosen_says_what_to_do(client, la_officer):
    client.force_login(la_officer)

    response = client.post(IMPORT_URL, {})

    assert response.context["form"].errors["file"] == [
        "Choose the CSV file you downloaded from Get Information About Schools."
    ]


@pytest.fixture
def school_viewer(db):
    """An admin user who may see schools but not add them."""
    user = UserFactory(username="viewer")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_school"),
    )
    return user


def test_someone_who_may_not_add_schools_is_refused(client, school_viewer, authorities):
    client.force_login(school_viewer)

    # Wagtail's admin answers PermissionDenied by sending the user home with a message.
    for response in (
        client.get(IMPORT_URL, follow=True),
        client.post(IMPORT_URL, upload(gias_csv(school_row())), follow=True),
    ):
        assert response.redirect_chain == [("/admin/", 302)]
        assert "Sorry, you do not have permission to access this area." in response.content.decode()
    assert not School.objects.exists()
    listing = client.get(reverse("wagtailsnippets_programmes_school:list"))
    assert listing.status_code == 200
    assert IMPORT_URL.encode() not in listing.content


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get(IMPORT_URL)

    assert response.status_code == 302
    assert "/admin/login/" in response.url
