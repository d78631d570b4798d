"""Every public page type renders with its title and description; errors render in the site's style."""

import html
import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model

from home.factories import StandardPageFactory
from home.models import HomePageFeaturedProgramme
from programmes.factories import (
    LocalAuthorityFactory,
    ProgrammePageFactory,
    SchoolFactory,
    career_stage,
)
from programmes.models import ProgrammeDocument, ProgrammeSchool, RelatedProgramme

pytestmark = pytest.mark.django_db

SERVICE_NAME = "Leadership portal"
DASH = "\N{EN DASH}"  # between the page title and the service name
ORGANISATION_NAME = "Eastern Region Local Authorities"


def title_of(response) -> str:
    match = re.search(r"<title>(.*?)</title>", response.content.decode(), re.DOTALL)
    assert match, "the page has no <title>"
    return " ".join(match.group(1).split())


def meta_description_of(response) -> str | None:
    match = re.search(r'<meta name="description" content="([^"]*)">', response.content.decode())
    return html.unescape(match.group(1)) if match else None


def site_header(response):
    header = BeautifulSoup(response.content, "html.parser").select_one("body header")
    assert header is not None, "the page has no site header"
    return header


def make_document(title: str):
    document = get_document_model()(title=title)
    document.file.save("evaluation-report.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    return document


# --- Home page -----------------------------------------------------------------------------


def test_home_page_shows_its_title_and_introduction(client, site_tree):
    response = client.get("/")

    assert response.status_code == 200
    assert title_of(response) == f"Growing school leaders {DASH} {SERVICE_NAME}"
    assert "Leadership development for staff in our schools." in response.content.decode()


def test_home_page_has_the_search_description_as_its_meta_description(client, site_tree):
    home = site_tree["home"]
    home.search_description = "Leadership programmes for school staff in the region."
    home.save_revision().publish()

    response = client.get("/")

    assert meta_description_of(response) == "Leadership programmes for school staff in the region."


def test_home_page_shows_featured_programmes_that_are_live(client, site_tree):
    home = site_tree["home"]
    live = ProgrammePageFactory(parent=site_tree["programme_index"], title="Middle Leaders Network")
    draft = ProgrammePageFactory(parent=site_tree["programme_index"], title="Unfinished Draft", live=False)
    HomePageFeaturedProgramme.objects.create(page=home, programme=live, sort_order=0)
    HomePageFeaturedProgramme.objects.create(page=home, programme=draft, sort_order=1)

    content = client.get("/").content.decode()

    assert "Featured programmes" in content
    assert "Middle Leaders Network" in content
    assert "Unfinished Draft" not in content


# --- Programme index -----------------------------------------------------------------------


def test_programme_index_shows_its_title_introduction_and_programmes(client, site_tree):
    index = site_tree["programme_index"]
    ProgrammePageFactory(parent=index, title="Aspiring Heads")

    response = client.get(index.url)

    assert response.status_code == 200
    assert title_of(response) == f"Programmes {DASH} {SERVICE_NAME}"
    content = response.content.decode()
    assert "Every leadership programme running in our schools." in content
    assert "Aspiring Heads" in content


def test_programme_index_has_the_search_description_as_its_meta_description(client, site_tree):
    index = site_tree["programme_index"]
    index.search_description = "Find a leadership programme."
    index.save_revision().publish()

    assert meta_description_of(client.get(index.url)) == "Find a leadership programme."


# --- Programme page ------------------------------------------------------------------------


@pytest.fixture
def full_programme(site_tree):
    index = site_tree["programme_index"]
    thurrock = LocalAuthorityFactory(name="Thurrock")
    essex = LocalAuthorityFactory(name="Essex")
    programme = ProgrammePageFactory(
        parent=index,
        title="Terrific Teams",
        summary="Helps middle leaders build strong teams.",
        status="running",
        local_authorities=[thurrock, essex],
        audiences=[career_stage("middle-leader"), career_stage("senior-leader")],
        tags=["Networks"],
        intended_outcomes="<p>Outcome we intended.</p>",
        activities="<p>Termly workshops.</p>",
        outcomes="<p>Teams were stronger.</p>",
        new_knowledge="<p>Coaching works.</p>",
        building_on="<p>Extend to all clusters.</p>",
        benefits="<p>Better retention.</p>",
        impact_score=7,
        funding="£2,500 research grant",
        contact_name="Sam Jones",
        contact_email="sam.jones@example.org",
    )
    for school in SchoolFactory.create_batch(3, local_authority=thurrock):
        ProgrammeSchool.objects.create(page=programme, school=school)
    ProgrammeDocument.objects.create(page=programme, document=make_document("Evaluation report"))
    related = ProgrammePageFactory(parent=index, title="Aspiring Heads")
    unpublished = ProgrammePageFactory(parent=index, title="Secret Draft", live=False)
    RelatedProgramme.objects.create(page=programme, programme=related, sort_order=0)
    RelatedProgramme.objects.create(page=programme, programme=unpublished, sort_order=1)
    return programme


def test_programme_page_shows_its_title_and_summary(client, full_programme):
    response = client.get(full_programme.url)

    assert response.status_code == 200
    assert title_of(response) == f"Terrific Teams {DASH} {SERVICE_NAME}"
    assert "Helps middle leaders build strong teams." in response.content.decode()


def test_programme_page_uses_its_summary_as_meta_description(client, full_programme):
    assert meta_description_of(client.get(full_programme.url)) == "Helps middle leaders build strong teams."


def test_programme_page_prefers_the_search_description_for_its_meta_description(client, full_programme):
    full_programme.search_description = "A programme for middle leaders."
    full_programme.save_revision().publish()

    assert meta_description_of(client.get(full_programme.url)) == "A programme for middle leaders."


def test_programme_page_shows_every_section_in_order(client, full_programme):
    content = client.get(full_programme.url).content.decode()

    headings = [
        "Intended outcomes",
        "Activities",
        "Outcomes",
        "New knowledge",
        "How it will be built on",
        "Benefits",
    ]
    positions = [content.find(f'<h2 class="govuk-heading-l">{heading}</h2>') for heading in headings]
    assert -1 not in positions, dict(zip(headings, positions, strict=True))
    assert positions == sorted(positions)
    for text in ["Termly workshops.", "Teams were stronger.", "Coaching works.", "Better retention."]:
        assert text in content


def test_programme_page_leaves_blank_sections_off(client, site_tree):
    programme = ProgrammePageFactory(parent=site_tree["programme_index"], benefits="", activities="")

    content = client.get(programme.url).content.decode()

    assert "Intended outcomes" in content
    assert ">Benefits<" not in content
    assert ">Activities<" not in content


def test_programme_page_shows_its_details(client, full_programme):
    content = client.get(full_programme.url).content.decode()

    assert "Running" in content
    assert "Essex, Thurrock" in content
    assert "Middle leader, Senior leader" in content
    assert "7 out of 10" in content
    assert "£2,500 research grant" in content
    assert "Networks" in content
    assert "mailto:sam.jones@example.org" in content
    schools_row = re.search(r"Schools involved</dt><dd[^>]*>(\d+)<", content)
    assert schools_row and schools_row.group(1) == "3"


def test_programme_page_links_its_documents(client, full_programme):
    document = full_programme.related_documents.get().document

    content = client.get(full_programme.url).content.decode()

    assert "Evaluation report" in content
    assert f'href="{document.url}"' in content
    assert "(PDF" in content


def test_programme_page_links_live_related_programmes_only(client, full_programme):
    content = client.get(full_programme.url).content.decode()

    assert "Related programmes" in content
    assert "Aspiring Heads" in content
    assert "Secret Draft" not in content


# --- Standard page -------------------------------------------------------------------------


def test_standard_page_shows_its_title_introduction_and_body(client, site_tree):
    page = StandardPageFactory(
        parent=site_tree["home"],
        title="Accessibility statement",
        introduction="How accessible this website is.",
        search_description="The portal's accessibility statement.",
    )

    response = client.get(page.url)

    assert response.status_code == 200
    assert title_of(response) == f"Accessibility statement {DASH} {SERVICE_NAME}"
    assert meta_description_of(response) == "The portal's accessibility statement."
    content = response.content.decode()
    assert "How accessible this website is." in content
    assert "Plain content for a standard page." in content


def test_standard_page_can_sit_under_another_standard_page(client, site_tree):
    about = StandardPageFactory(parent=site_tree["home"], title="About")
    team = StandardPageFactory(parent=about, title="The team")

    response = client.get(team.url)

    assert response.status_code == 200
    assert team.url.endswith("/about/the-team/")


# --- Errors --------------------------------------------------------------------------------


def test_missing_page_answers_404_in_the_site_style(client, site_tree):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    content = response.content.decode()
    assert "Page not found" in content
    header = site_header(response)
    assert ORGANISATION_NAME in header.get_text()
    assert header.select_one('a[href="/"]') is not None
    assert title_of(response) == f"Page not found {DASH} {SERVICE_NAME}"


def test_draft_programme_answers_404(client, site_tree):
    draft = ProgrammePageFactory(parent=site_tree["programme_index"], title="Not Ready", live=False)

    response = client.get(f"{site_tree['programme_index'].url}{draft.slug}/")

    assert response.status_code == 404
    assert "Not Ready" not in response.content.decode()


@override_settings(ROOT_URLCONF="programmes.tests.urls_with_error")
def test_server_error_renders_the_500_page(client, site_tree):
    client.raise_request_exception = False

    response = client.get("/broken/")

    assert response.status_code == 500
    content = response.content.decode()
    assert "Sorry, there is a problem with the service" in content
    header = site_header(response)
    assert SERVICE_NAME in header.get_text()
    assert header.select_one('a[href="/"]') is not None
    assert "Something went wrong in a view." not in content


# --- Sitemap -------------------------------------------------------------------------------


def test_sitemap_lists_live_programmes_and_not_drafts(client, site_tree):
    index = site_tree["programme_index"]
    live = ProgrammePageFactory(parent=index, title="Published Programme")
    ProgrammePageFactory(parent=index, title="Draft Programme", live=False)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    content = response.content.decode()
    assert f"<loc>{live.full_url}</loc>" in content
    assert f"<loc>{index.full_url}</loc>" in content
    assert "draft-programme" not in content
