from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from taggit.models import Tag
from wagtail.models import GroupPagePermission, Page, Revision, Site, WorkflowPage

from home.models import HomePage, HomePageFeaturedProgramme, SiteSettings, StandardPage
from programmes.demo.users import DEMO_USERS
from programmes.models import (
    LocalAuthority,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammePageTag,
    ProgrammeSchool,
    RelatedProgramme,
    School,
)
from programmes.roles import LA_OFFICERS, LA_SIGN_OFF_WORKFLOW, MODERATORS
from programmes.selectors import featured_programmes

pytestmark = pytest.mark.django_db

EASTERN_LAS = {"Bedford", "Essex", "Hertfordshire", "Norfolk", "Peterborough", "Suffolk", "Thurrock"}
PROGRAMME_TITLES = {
    "Terrific Teams",
    "Cross-school networks of deputy headteachers",
    "Better Together",
    "LEAP: Leadership Excellence Award Peterborough",
    "Deputy headteacher exchange",
    "Growing Your Own Leaders",
    "Heads You Win",
}
COUNTED_MODELS = [
    LocalAuthority,
    School,
    Page,
    HomePage,
    StandardPage,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammeSchool,
    RelatedProgramme,
    ProgrammePageTag,
    Tag,
    HomePageFeaturedProgramme,
    Revision,
    Site,
    SiteSettings,
    WorkflowPage,
    GroupPagePermission,
    Group,
    get_user_model(),
]


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED_MODELS}


def test_creates_the_eastern_authorities_and_87_invented_schools():
    load_demo()

    assert set(LocalAuthority.objects.values_list("name", flat=True)) == EASTERN_LAS | {
        "Hammersmith and Fulham"
    }
    eastern = School.objects.filter(local_authority__name__in=EASTERN_LAS)
    assert eastern.count() == 87
    assert all(990001 <= urn < 999999 for urn in School.objects.values_list("urn", flat=True))
    assert School.objects.filter(local_authority__slug="hammersmith-and-fulham").exists()
    assert set(eastern.values_list("local_authority__name", flat=True)) == EASTERN_LAS
    assert eastern.values("phase").distinct().count() >= 4
    assert eastern.exclude(cluster="").exists()
    assert eastern.filter(cluster="").exists()


def test_creates_a_live_programme_page_for_each_project_under_the_index():
    load_demo()

    index = ProgrammeIndexPage.objects.get()
    programmes = ProgrammePage.objects.live().descendant_of(index)
    assert set(programmes.values_list("title", flat=True)) == PROGRAMME_TITLES
    for programme in programmes:
        assert programme.summary
        assert programme.local_authorities.exists()
        assert programme.audiences.exists()
        assert programme.tags.exists()
        assert programme.schools_involved.exists()
        assert programme.contact_email.endswith("@example.org")
        assert programme.sections
        assert len(programme.body) >= 1
        assert programme.impact_score is None  # the report gives only a region-wide average


def test_programmes_link_every_eastern_school_and_two_are_open_for_interest():
    load_demo()

    involved = ProgrammeSchool.objects.filter(school__local_authority__name__in=EASTERN_LAS)
    assert involved.values("school").distinct().count() == 87
    networks = ProgrammePage.objects.get(slug="deputy-headteacher-networks")
    assert set(networks.local_authorities.values_list("name", flat=True)) == {"Essex", "Hertfordshire"}
    assert ProgrammePage.objects.filter(status=ProgrammePage.Status.OPEN).count() == 2
    exchange = ProgrammePage.objects.get(slug="deputy-exchange")
    assert [link.programme_id for link in exchange.related_programmes.all()] == [networks.pk]


def test_home_page_serves_the_default_site_with_featured_programmes_and_settings():
    load_demo()

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.live
    assert home.title == "Growing leaders in our schools"
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()  # the placeholder has gone
    assert 3 <= len(featured_programmes(ids=home.featured_programme_ids())) <= 4

    site_settings = SiteSettings.for_site(site)
    assert site_settings.service_name == "Leadership portal"
    assert site_settings.contact_email.endswith("@example.org")
    assert site_settings.privacy_page.title == "Privacy notice"
    assert site_settings.accessibility_page.title == "Accessibility statement"
    standard_pages = StandardPage.objects.child_of(home).live()
    assert set(standard_pages.values_list("title", flat=True)) == {
        "Privacy notice",
        "Accessibility statement",
        "About the programme",
    }
    assert standard_pages.get(slug="about").show_in_menus


def test_programme_index_is_in_menus_and_under_la_sign_off():
    load_demo()

    index = ProgrammeIndexPage.objects.get()
    assert index.live
    assert index.show_in_menus
    assert WorkflowPage.objects.get(page=index).workflow.name == LA_SIGN_OFF_WORKFLOW
    assert GroupPagePermission.objects.filter(page=index, group__name=LA_OFFICERS).exists()


def test_public_pages_render(client):
    load_demo()

    for page in Page.objects.live().specific().filter(depth__gte=2):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title.encode() in response.content.replace(b"&#x27;", b"'")


def test_running_twice_creates_nothing_new(settings):
    settings.DEBUG = True
    load_demo()
    counts = row_counts()

    output = load_demo()

    assert row_counts() == counts
    assert "Demo content was already there." in output


def test_second_run_leaves_edits_alone_and_replaces_deleted_pages():
    load_demo()
    programme = ProgrammePage.objects.get(slug="terrific-teams")
    programme.summary = "An officer's own summary."
    programme.save_revision().publish()
    StandardPage.objects.get(slug="privacy").delete()

    load_demo()

    assert ProgrammePage.objects.get(slug="terrific-teams").summary == "An officer's own summary."
    assert StandardPage.objects.filter(slug="privacy").count() == 1
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert site_settings.privacy_page.slug == "privacy"  # the empty link was filled in again


def test_reuses_a_local_authority_imported_under_another_slug():
    LocalAuthority.objects.create(name="Bedford", slug="bedford-borough")

    load_demo()

    assert LocalAuthority.objects.filter(name="Bedford").count() == 1
    assert School.objects.filter(local_authority__slug="bedford-borough").exists()


def test_users_are_only_made_when_debug_is_on(settings):
    settings.DEBUG = False
    output = load_demo()
    assert not get_user_model().objects.exists()
    assert "only made in development" in output

    settings.DEBUG = True
    output = load_demo()

    users = {user.username: user for user in get_user_model().objects.all()}
    assert {"admin", "officer", "moderator"} <= set(users)  # apps built on programmes may add more
    assert users["admin"].is_superuser
    assert list(users["officer"].groups.values_list("name", flat=True)) == [LA_OFFICERS]
    assert list(users["moderator"].groups.values_list("name", flat=True)) == [MODERATORS]
    for demo in DEMO_USERS:
        assert len(demo.password) >= 12
        assert users[demo.username].check_password(demo.password)
        assert users[demo.username].email.endswith("@example.org")
        assert f"{demo.username} / {demo.password}" in output
    assert "http://127.0.0.1:8000/admin/" in output
