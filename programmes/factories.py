"""Factories for the programmes app. Other apps' tests and the benchmarks import these."""

import factory

from home.factories import PageFactory, home_page_as_site_root

from .models import CareerStage, LocalAuthority, ProgrammeIndexPage, ProgrammePage, School
from .services import programme_section_set_up


class LocalAuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalAuthority
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Authority {n}")
    slug = factory.LazyAttribute(lambda la: la.name.lower().replace(" ", "-"))


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    urn = factory.Sequence(lambda n: 900000 + n)
    name = factory.Sequence(lambda n: f"Meadow Lane School {n}")
    local_authority = factory.SubFactory(LocalAuthorityFactory)
    phase = School.Phase.PRIMARY


class ProgrammeIndexPageFactory(PageFactory):
    class Meta:
        model = ProgrammeIndexPage

    title = "Programmes"
    introduction = "Every leadership programme running in our schools."
    show_in_menus = True


class ProgrammePageFactory(PageFactory):
    class Meta:
        model = ProgrammePage

    title = factory.Sequence(lambda n: f"Programme {n}")
    summary = "A programme that helps staff take their next step in leadership."
    status = ProgrammePage.Status.OPEN
    intended_outcomes = "<p>Participants understand what makes an effective team.</p>"


def career_stage(slug: str) -> CareerStage:
    """Career stages come from a data migration; tests look them up by slug."""
    return CareerStage.objects.get(slug=slug)


def page_tree_factory():
    """A home page serving the default site, with a programme section under LA sign-off."""
    home = home_page_as_site_root()
    index = ProgrammeIndexPageFactory(parent=home)
    programme_section_set_up(index_page=index)
    return {"home": home, "programme_index": index}
