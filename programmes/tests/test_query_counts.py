"""Public pages keep a constant number of SQL queries as the number of programmes grows."""

import itertools

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model

from home.models import HomePageFeaturedProgramme
from programmes.factories import (
    LocalAuthorityFactory,
    ProgrammePageFactory,
    SchoolFactory,
    career_stage,
)
from programmes.models import ProgrammeDocument, ProgrammeSchool, RelatedProgramme

pytestmark = pytest.mark.django_db

THEMES = ["Networks", "Coaching", "Succession planning", "Wellbeing", "Research"]
STAGES = ["teacher", "middle-leader", "senior-leader", "headteacher"]


class Catalogue:
    """Grows a programme section to a given size, each programme with LAs, audiences, themes, schools."""

    def __init__(self, site_tree):
        self.home = site_tree["home"]
        self.index = site_tree["programme_index"]
        self.authorities = [LocalAuthorityFactory(name=f"Authority {n}") for n in range(4)]
        self.schools = [SchoolFactory(local_authority=la) for la in self.authorities for _ in range(3)]
        self.stages = [career_stage(slug) for slug in STAGES]
        self.programmes = []
        self._numbers = itertools.count()

    def grow_to(self, size: int) -> None:
        while len(self.programmes) < size:
            n = next(self._numbers)
            page = ProgrammePageFactory(
                parent=self.index,
                title=f"Programme {n:03}",
                local_authorities=[self.authorities[n % 4], self.authorities[(n + 1) % 4]],
                audiences=[self.stages[n % 4], self.stages[(n + 2) % 4]],
                tags=[THEMES[n % 5], THEMES[(n + 1) % 5]],
                impact_score=(n % 10) + 1,
            )
            for school in (self.schools[n % 12], self.schools[(n + 5) % 12]):
                ProgrammeSchool.objects.create(page=page, school=school)
            self.programmes.append(page)

    def feature_and_relate(self) -> None:
        """Fill the home page's featured list and the first programme's related list and documents."""
        first = self.programmes[0]
        for order, page in enumerate(self.programmes[1:7]):
            HomePageFeaturedProgramme.objects.create(page=self.home, programme=page, sort_order=order)
        for order, page in enumerate(self.programmes[1:5]):
            RelatedProgramme.objects.create(page=first, programme=page, sort_order=order)
        for order in range(3):
            document = get_document_model()(title=f"Report {order}")
            document.file.save(f"report-{order}.pdf", ContentFile(b"%PDF-1.4"), save=False)
            document.save()
            ProgrammeDocument.objects.create(page=first, document=document, sort_order=order)


def query_counts(client, urls: dict[str, str]) -> dict[str, int]:
    counts = {}
    for name, url in urls.items():
        assert client.get(url).status_code == 200  # warms the site and settings caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counts[name] = len(queries)
    return counts


def test_public_pages_make_the_same_number_of_queries_for_10_and_100_programmes(client, site_tree):
    catalogue = Catalogue(site_tree)
    catalogue.grow_to(10)
    catalogue.feature_and_relate()
    index_url = catalogue.index.url
    urls = {
        "home": "/",
        "index": index_url,
        "index, second page": f"{index_url}?page=2",
        "index, filtered": f"{index_url}?local_authority=authority-1&theme=networks&status=open",
        "programme": catalogue.programmes[0].url,
        "search": "/search/?q=programme",
    }

    with_10 = query_counts(client, urls)
    catalogue.grow_to(100)
    with_100 = query_counts(client, urls)

    assert with_100 == with_10


def test_a_programme_with_many_schools_makes_no_more_queries_than_one_with_few(client, site_tree):
    catalogue = Catalogue(site_tree)
    catalogue.grow_to(2)
    few, many = catalogue.programmes
    for school in SchoolFactory.create_batch(30):
        ProgrammeSchool.objects.create(page=many, school=school)

    counts = query_counts(client, {"few": few.url, "many": many.url})

    assert counts["many"] == counts["few"]
