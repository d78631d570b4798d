"""LA officers manage schools in the Wagtail admin; only moderators may change local authorities."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from programmes.factories import LocalAuthorityFactory, SchoolFactory
from programmes.models import LocalAuthority, School

pytestmark = pytest.mark.django_db

SCHOOLS_URL = reverse("wagtailsnippets_programmes_school:list")


@pytest.fixture
def schools(db):
    thurrock = LocalAuthorityFactory(name="Thurrock")
    essex = LocalAuthorityFactory(name="Essex")
    SchoolFactory(name="Meadow Lane Primary", local_authority=thurrock, phase=School.Phase.PRIMARY)
    SchoolFactory(name="Meadow Lane Academy", local_authority=thurrock, phase=School.Phase.SECONDARY)
    SchoolFactory(name="Hillside Primary", local_authority=thurrock, phase=School.Phase.PRIMARY)
    SchoolFactory(name="Meadow Brook Primary", local_authority=essex, phase=School.Phase.PRIMARY)
    return {"thurrock": thurrock, "essex": essex}


def listed_schools(response) -> set[str]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    links = soup.select("table.listing tbody td.title .title-wrapper a")
    return {link.get_text(strip=True) for link in links}


def test_officer_can_open_the_schools_listing(client, la_officer, schools):
    client.force_login(la_officer)

    assert listed_schools(client.get(SCHOOLS_URL)) == {
        "Meadow Lane Primary",
        "Meadow Lane Academy",
        "Hillside Primary",
        "Meadow Brook Primary",
    }


def test_officer_can_filter_schools_by_local_authority(client, la_officer, schools):
    client.force_login(la_officer)

    response = client.get(SCHOOLS_URL, {"local_authority": schools["essex"].pk})

    assert listed_schools(response) == {"Meadow Brook Primary"}


def test_officer_can_filter_schools_by_phase(client, la_officer, schools):
    client.force_login(la_officer)

    response = client.get(SCHOOLS_URL, {"phase": "secondary"})

    assert listed_schools(response) == {"Meadow Lane Academy"}


def test_officer_can_search_schools_by_name(client, la_officer, schools):
    client.force_login(la_officer)

    response = client.get(SCHOOLS_URL, {"q": "hillside"})

    assert listed_schools(response) == {"Hillside Primary"}


def test_officer_can_combine_filters_and_search(client, la_officer, schools):
    client.force_login(la_officer)

    response = client.get(
        SCHOOLS_URL, {"local_authority": schools["thurrock"].pk, "phase": "primary", "q": "meadow"}
    )

    assert listed_schools(response) == {"Meadow Lane Primary"}


def test_officer_can_search_local_authorities(client, la_officer, schools):
    client.force_login(la_officer)

    response = client.get(reverse("wagtailsnippets_programmes_localauthority:list"), {"q": "thurr"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Thurrock" in content
    assert "Essex" not in content


def test_anonymous_visitor_is_sent_to_log_in(client, schools):
    response = client.get(SCHOOLS_URL)

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_officer_cannot_delete_a_local_authority(client, la_officer, schools):
    client.force_login(la_officer)
    essex = schools["essex"]
    School.objects.filter(local_authority=essex).delete()  # nothing protects it but permission
    url = reverse("wagtailsnippets_programmes_localauthority:delete", args=(essex.pk,))

    page = client.get(url)
    attempt = client.post(url)

    assert page.status_code in {302, 403}
    assert attempt.status_code in {302, 403}
    assert LocalAuthority.objects.filter(pk=essex.pk).exists()


def test_officer_cannot_edit_a_local_authority(client, la_officer, schools):
    client.force_login(la_officer)
    essex = schools["essex"]
    url = reverse("wagtailsnippets_programmes_localauthority:edit", args=(essex.pk,))

    client.post(url, {"name": "Renamed", "slug": "renamed"})

    essex.refresh_from_db()
    assert essex.name == "Essex"


def test_officer_can_see_the_local_authorities(client, la_officer, schools):
    client.force_login(la_officer)

    response = client.get(reverse("wagtailsnippets_programmes_localauthority:list"))

    assert response.status_code == 200
    assert "Thurrock" in response.content.decode()


def test_moderator_can_rename_a_local_authority(client, moderator, schools):
    client.force_login(moderator)
    essex = schools["essex"]
    url = reverse("wagtailsnippets_programmes_localauthority:edit", args=(essex.pk,))

    client.post(url, {"name": "Essex County", "slug": "essex"})

    essex.refresh_from_db()
    assert essex.name == "Essex County"


def test_superuser_can_delete_an_unused_local_authority(client, superuser, schools):
    client.force_login(superuser)
    unused = LocalAuthorityFactory(name="Southend")

    client.post(reverse("wagtailsnippets_programmes_localauthority:delete", args=(unused.pk,)))

    assert not LocalAuthority.objects.filter(pk=unused.pk).exists()
