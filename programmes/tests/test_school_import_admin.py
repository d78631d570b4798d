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


def test_a_portal_administrator_finds_the_import_button_on_the_schools_listing(client, superuser):
    client.force_login(superuser)

    response = client.get(reverse("wagtailsnippets_programmes_school:list"))

    assert response.status_code == 200
    assert IMPORT_URL.encode() in response.content
    assert b"Import schools" in response.content


@pytest.mark.parametrize("role", ["la_officer", "moderator"])
def test_officers_and_moderators_may_not_import_because_an_import_can_move_schools_between_las(
    client, request, role, authorities
):
    """An import updates every LA's schools; moving one moves its aspirant leaders to another LA."""
    client.force_login(request.getfixturevalue(role))

    listing = client.get(reverse("wagtailsnippets_programmes_school:list"))
    response = client.post(IMPORT_URL, upload(gias_csv(school_row())))

    assert listing.status_code == 200
    assert IMPORT_URL.encode() not in listing.content
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's "no permission"
    assert not School.objects.exists()


def test_an_administrator_uploads_a_file_and_sees_the_results(client, superuser, authorities):
    client.force_login(superuser)
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


def test_a_wrong_file_gets_an_error_next_to_the_field_and_changes_nothing(client, superuser, authorities):
    client.force_login(superuser)

    response = client.post(IMPORT_URL, upload(WRONG_FILES["pdf"][0], name="minutes.pdf"))

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "This is a PDF file, not a CSV file. "
        "Choose the CSV file you downloaded from Get Information About Schools."
    ]
    assert "The schools were not imported." in response.content.decode()
    assert not School.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, superuser, authorities, monkeypatch):
    monkeypatch.setattr(SchoolImportForm, "MAX_UPLOAD_SIZE", 100)
    client.force_login(superuser)

    response = client.post(IMPORT_URL, upload(gias_csv(school_row(), school_row(URN="115001"))))

    assert response.status_code == 200
    assert "larger than the 50 MB limit" in response.context["form"].errors["file"][0]
    assert not School.objects.exists()


def test_no_file_chosen_says_what_to_do(client, superuser):
    client.force_login(superuser)

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


def test_only_a_portal_administrator_can_move_a_school_to_another_la(client, moderator):
    from programmes.factories import LocalAuthorityFactory, SchoolFactory

    bedford, thurrock = LocalAuthorityFactory(name="Bedford"), LocalAuthorityFactory(name="Thurrock")
    school = SchoolFactory(local_authority=bedford, name="Oakfield Primary")
    client.force_login(moderator)  # may change schools (officers only their own LA's: talentpool)
    edit_url = reverse("wagtailsnippets_programmes_school:edit", args=[school.pk])

    form_page = client.get(edit_url)
    response = client.post(
        edit_url,
        {
            "urn": school.urn,
            "name": "Oakfield Primary School",
            "local_authority": thurrock.pk,
            "phase": school.phase,
            "cluster": "",
            "postcode": "",
        },
    )

    assert "Only a portal administrator can move a school" in form_page.content.decode()
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.name == "Oakfield Primary School"  # the rest of the edit is saved
    assert school.local_authority == bedford


def test_a_portal_administrator_can_move_a_school(client, superuser):
    from programmes.factories import LocalAuthorityFactory, SchoolFactory

    bedford, thurrock = LocalAuthorityFactory(name="Bedford"), LocalAuthorityFactory(name="Thurrock")
    school = SchoolFactory(local_authority=bedford)
    client.force_login(superuser)

    client.post(
        reverse("wagtailsnippets_programmes_school:edit", args=[school.pk]),
        {"urn": school.urn, "name": school.name, "local_authority": thurrock.pk, "phase": school.phase},
    )

    school.refresh_from_db()
    assert school.local_authority == thurrock
