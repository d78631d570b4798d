"""Which page types may go where in the page tree, as an editor meets it in the admin."""

import pytest
from wagtail.models import Page

from home.models import HomePage, StandardPage
from programmes.models import ProgrammeIndexPage, ProgrammePage

pytestmark = pytest.mark.django_db

ALL_TYPES = [Page, HomePage, StandardPage, ProgrammeIndexPage, ProgrammePage]


def allowed_parents(child_model) -> set:
    return {parent for parent in ALL_TYPES if child_model.can_create_at(parent())}


def test_home_page_goes_only_under_the_root():
    assert allowed_parents(HomePage) == {Page}


def test_programme_index_goes_only_under_the_home_page():
    assert allowed_parents(ProgrammeIndexPage) == {HomePage}


def test_programme_page_goes_only_under_a_programme_index():
    assert allowed_parents(ProgrammePage) == {ProgrammeIndexPage}


def test_standard_page_goes_under_the_home_page_or_another_standard_page():
    assert allowed_parents(StandardPage) == {HomePage, StandardPage}


def test_nothing_goes_under_a_programme_page():
    assert ProgrammePage.allowed_subpage_models() == []


def test_home_page_offers_the_programme_section_and_standard_pages():
    assert set(HomePage.allowed_subpage_models()) == {ProgrammeIndexPage, StandardPage}


def test_programme_index_offers_only_programme_pages(site_tree):
    index = site_tree["programme_index"]
    assert list(index.specific_class.allowed_subpage_models()) == [ProgrammePage]
    assert not StandardPage.can_create_at(index)
