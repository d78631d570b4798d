"""Writes the demo content to the database.

The rule is simple: create what is missing and leave everything that exists alone, so running
it again changes nothing and never undoes an officer's edits. Things are found by their keys:
local authorities by slug (or name), schools by URN, pages by slug under their parent, users by
username. Everything happens in one transaction, so a failure leaves nothing half-made.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.models import HomePage, HomePageFeaturedProgramme, SiteSettings, StandardPage
from programmes.models import (
    CareerStage,
    LocalAuthority,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammeSchool,
    RelatedProgramme,
    School,
)
from programmes.services import programme_section_set_up

from . import page_content as content
from .programme_content import FEATURED_SLUGS, PROGRAMMES, DemoProgramme
from .schools import ALL_AUTHORITIES, demo_schools
from .users import DEMO_USERS, DemoUser

LOAD_DEMO_HOOK = "load_demo"


class DemoContentError(Exception):
    """The database holds something that stops the demo content being added."""


@dataclass
class LoadResult:
    """What was created and what was already there, by kind, in the order things were loaded."""

    counts: dict[str, list[int]] = field(default_factory=dict)
    users: list[tuple[DemoUser, bool]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    new_objects: list = field(default_factory=list)

    def record(self, kind: str, *, created: bool, number: int = 1) -> None:
        created_count, existing_count = self.counts.setdefault(kind, [0, 0])
        if created:
            self.counts[kind] = [created_count + number, existing_count]
        else:
            self.counts[kind] = [created_count, existing_count + number]

    @property
    def created_anything(self) -> bool:
        return any(created for created, _ in self.counts.values())


@transaction.atomic
def load_demo(*, with_users: bool) -> LoadResult:
    result = LoadResult()
    # Wagtail re-indexes a page's references after every child row it saves, which makes a first
    # run slow; instead each new object is indexed once at the end.
    with disable_reference_index_auto_update():
        _load(result=result, with_users=with_users)
    for obj in result.new_objects:
        ReferenceIndex.create_or_update_for_object(obj)
    return result


def _load(*, result: LoadResult, with_users: bool) -> None:
    authorities = _ensure_local_authorities(result=result)
    schools_by_authority = _ensure_schools(authorities=authorities, result=result)
    site = _default_site()
    home, home_created = _ensure_home_page(site=site, result=result)
    index = _ensure_programme_index(home=home, result=result)
    programmes = _ensure_programmes(
        index=index, authorities=authorities, schools_by_authority=schools_by_authority, result=result
    )
    pages = _ensure_standard_pages(home=home, programmes=programmes, result=result)
    if home_created:
        _finish_home_page(home=home, index=index, about=pages[content.ABOUT_SLUG], programmes=programmes)
    _ensure_site_settings(
        site=site,
        privacy_page=pages[content.PRIVACY_SLUG],
        accessibility_page=pages[content.ACCESSIBILITY_SLUG],
        result=result,
    )
    if with_users:
        _ensure_users(result=result)
    # Apps that build on programmes (the talent pool) add their own demo records through this hook.
    for add_demo_content in hooks.get_hooks(LOAD_DEMO_HOOK):
        add_demo_content(result=result, with_users=with_users, schools_by_authority=schools_by_authority)


def _ensure_local_authorities(*, result: LoadResult) -> dict[str, LocalAuthority]:
    """Found by slug, or by name if an import made the LA with another slug."""
    existing = list(
        LocalAuthority.objects.filter(
            Q(slug__in=[a.slug for a in ALL_AUTHORITIES]) | Q(name__in=[a.name for a in ALL_AUTHORITIES])
        )
    )
    by_slug = {la.slug: la for la in existing}
    by_name = {la.name.lower(): la for la in existing}
    authorities = {}
    for demo in ALL_AUTHORITIES:
        authority = by_slug.get(demo.slug) or by_name.get(demo.name.lower())
        created = authority is None
        if created:
            authority = LocalAuthority(name=demo.name, slug=demo.slug)
            authority.full_clean()
            authority.save()
            result.new_objects.append(authority)
        result.record("Local authorities", created=created)
        authorities[demo.slug] = authority
    return authorities


def _ensure_schools(
    *, authorities: Mapping[str, LocalAuthority], result: LoadResult
) -> dict[str, list[School]]:
    """Creates the invented schools that are missing, then returns every demo school by LA slug."""
    demos = demo_schools()
    urns = [demo.urn for demo in demos]
    existing_urns = set(School.objects.filter(urn__in=urns).values_list("urn", flat=True))
    for demo in demos:
        if demo.urn in existing_urns:
            continue
        school = School(
            urn=demo.urn,
            name=demo.name,
            local_authority=authorities[demo.local_authority_slug],
            phase=demo.phase,
            cluster=demo.cluster,
        )
        school.full_clean(validate_unique=False)  # the URN was checked above
        school.save()  # one by one, so the admin's search index sees each school
        result.new_objects.append(school)
    result.record("Schools", created=True, number=len(demos) - len(existing_urns))
    result.record("Schools", created=False, number=len(existing_urns))

    slug_for_authority = {authority.pk: slug for slug, authority in authorities.items()}
    schools_by_authority: dict[str, list[School]] = {}
    for school in School.objects.filter(urn__in=urns).order_by("urn"):
        slug = slug_for_authority.get(school.local_authority_id)
        if slug:
            schools_by_authority.setdefault(slug, []).append(school)
    return schools_by_authority


def _default_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def _ensure_home_page(*, site: Site | None, result: LoadResult) -> tuple[HomePage, bool]:
    """Use the site's home page if it has one; otherwise make one and retire Wagtail's placeholder."""
    if site is not None and isinstance(site.root_page.specific, HomePage):
        result.record("Home page", created=False)
        return site.root_page.specific, False

    root = Page.get_first_root_node()
    home = HomePage.objects.child_of(root).filter(slug=content.HOME_SLUG).first()
    created = home is None
    if created:
        home = HomePage(
            title=content.HOME_TITLE, slug=content.HOME_SLUG, introduction=content.HOME_INTRODUCTION
        )
        root.add_child(instance=home)  # published at the end, once its links have somewhere to go
        result.new_objects.append(home)

    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=content.SERVICE_NAME,
        )
    else:
        placeholder = site.root_page
        site.root_page = home
        site.site_name = site.site_name or content.SERVICE_NAME
        site.save()
        if placeholder.specific_class is Page and not placeholder.get_children().exists():
            placeholder.delete()
        else:
            result.notes.append(
                f"The site's old root page '{placeholder.title}' was left in place because it has "
                "content. Delete it in the admin if you no longer need it."
            )
    result.record("Home page", created=created)
    return home, created


def _ensure_programme_index(*, home: HomePage, result: LoadResult) -> ProgrammeIndexPage:
    index = ProgrammeIndexPage.objects.child_of(home).first()
    if index is not None:
        result.record("Programme index page", created=False)
        return index
    if Page.objects.child_of(home).filter(slug=content.PROGRAMME_INDEX_SLUG).exists():
        raise DemoContentError(
            f"A page with the slug '{content.PROGRAMME_INDEX_SLUG}' already exists under the home page "
            "but is not a programme index. Rename its slug, then run load_demo again."
        )
    index = ProgrammeIndexPage(
        title=content.PROGRAMME_INDEX_TITLE,
        slug=content.PROGRAMME_INDEX_SLUG,
        introduction=content.PROGRAMME_INDEX_INTRODUCTION,
        show_in_menus=True,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    result.new_objects.append(index)
    programme_section_set_up(index_page=index)
    result.record("Programme index page", created=True)
    return index


def _ensure_programmes(
    *,
    index: ProgrammeIndexPage,
    authorities: Mapping[str, LocalAuthority],
    schools_by_authority: Mapping[str, list[School]],
    result: LoadResult,
) -> dict[str, Page]:
    """Creates the missing programme pages, links the new ones to each other, then publishes them."""
    pages = {
        page.slug: page
        for page in Page.objects.child_of(index).filter(slug__in=[demo.slug for demo in PROGRAMMES])
    }
    stages = {stage.slug: stage for stage in CareerStage.objects.all()}
    created = []
    for demo in PROGRAMMES:
        if demo.slug in pages:
            continue
        page = _programme_page(
            demo=demo, authorities=authorities, stages=stages, schools_by_authority=schools_by_authority
        )
        index.add_child(instance=page)
        pages[demo.slug] = page
        created.append((demo, page))

    for demo, page in created:
        page.related_programmes = [
            RelatedProgramme(programme=pages[slug]) for slug in demo.related_slugs if slug in pages
        ]
        page.save_revision().publish()
        result.new_objects.append(page)
    result.record("Programme pages", created=True, number=len(created))
    result.record("Programme pages", created=False, number=len(PROGRAMMES) - len(created))
    return pages


def _programme_page(
    *,
    demo: DemoProgramme,
    authorities: Mapping[str, LocalAuthority],
    stages: Mapping[str, CareerStage],
    schools_by_authority: Mapping[str, list[School]],
) -> ProgrammePage:
    missing_stages = [slug for slug in demo.audience_slugs if slug not in stages]
    if missing_stages:
        raise DemoContentError(
            f"The career stages {', '.join(missing_stages)} are missing. Run manage.py migrate, "
            "then run load_demo again."
        )
    page = ProgrammePage(
        title=demo.title,
        slug=demo.slug,
        summary=demo.summary,
        status=demo.status,
        intended_outcomes=demo.intended_outcomes,
        activities=demo.activities,
        outcomes=demo.outcomes,
        new_knowledge=demo.new_knowledge,
        building_on=demo.building_on,
        benefits=demo.benefits,
        funding=demo.funding,
        contact_name=demo.contact_name,
        contact_email=demo.contact_email,
        body=demo.body,
        local_authorities=[authorities[slug] for slug in demo.local_authority_slugs],
        audiences=[stages[slug] for slug in demo.audience_slugs],
        schools_involved=[
            ProgrammeSchool(school=school)
            for slug in demo.local_authority_slugs
            for school in schools_by_authority.get(slug, [])
        ],
    )
    page.tags.add(*demo.tags)
    return page


def _ensure_standard_pages(
    *, home: HomePage, programmes: Mapping[str, Page], result: LoadResult
) -> dict[str, Page]:
    """The privacy notice and accessibility statement first, because the about page links to them."""
    pages = {page.slug: page for page in Page.objects.child_of(home).filter(slug__in=content.STANDARD_PAGES)}
    bodies = {
        content.PRIVACY_SLUG: content.privacy_body,
        content.ACCESSIBILITY_SLUG: content.accessibility_body,
        content.ABOUT_SLUG: lambda: content.about_body(
            programme_ids={slug: page.pk for slug, page in programmes.items()},
            privacy_page_id=pages[content.PRIVACY_SLUG].pk,
        ),
    }
    for slug, fields in content.STANDARD_PAGES.items():
        if slug in pages:
            result.record(fields["title"], created=False)
            continue
        page = StandardPage(slug=slug, body=bodies[slug](), **fields)
        home.add_child(instance=page)
        page.save_revision().publish()
        result.new_objects.append(page)
        pages[slug] = page
        result.record(fields["title"], created=True)
    return pages


def _finish_home_page(
    *, home: HomePage, index: ProgrammeIndexPage, about: Page, programmes: Mapping[str, Page]
) -> None:
    home.body = content.home_body(about_page_id=about.pk, programme_index=index)
    home.featured_programmes = [
        HomePageFeaturedProgramme(programme=programmes[slug]) for slug in FEATURED_SLUGS if slug in programmes
    ]
    home.save_revision().publish()


def _ensure_site_settings(
    *, site: Site | None, privacy_page: Page, accessibility_page: Page, result: LoadResult
) -> None:
    """New settings get every demo value; existing settings only have their empty fields filled."""
    site = site or _default_site()
    created = not SiteSettings.objects.filter(site=site).exists()
    site_settings = SiteSettings.for_site(site)
    if created:
        site_settings.service_name = content.SERVICE_NAME
        site_settings.organisation_name = content.ORGANISATION_NAME
    blanks = {
        "contact_email": content.CONTACT_EMAIL,
        "footer_text": content.FOOTER_TEXT,
        "privacy_page": privacy_page,
        "accessibility_page": accessibility_page,
    }
    filled = [name for name in blanks if not getattr(site_settings, name)]
    for name in filled:
        setattr(site_settings, name, blanks[name])
    if created or filled:
        site_settings.full_clean()
        site_settings.save()
        result.new_objects.append(site_settings)
    result.record("Site settings", created=created or bool(filled))  # "created" means "filled in"


def _ensure_users(*, result: LoadResult) -> None:
    user_model = get_user_model()
    existing = set(
        user_model.objects.filter(username__in=[u.username for u in DEMO_USERS]).values_list(
            "username", flat=True
        )
    )
    groups = {group.name: group for group in Group.objects.filter(name__in=_group_names(DEMO_USERS))}
    for demo in DEMO_USERS:
        created = demo.username not in existing
        if created:
            create = (
                user_model.objects.create_superuser if demo.is_superuser else user_model.objects.create_user
            )
            user = create(
                username=demo.username,
                email=demo.email,
                password=demo.password,
                first_name=demo.first_name,
                last_name=demo.last_name,
            )
            if demo.group_name:
                if demo.group_name not in groups:
                    raise DemoContentError(
                        f"The '{demo.group_name}' group is missing. Run manage.py migrate, then run "
                        "load_demo again."
                    )
                user.groups.add(groups[demo.group_name])
        result.users.append((demo, created))
        result.record("Demo users", created=created)


def _group_names(users: Iterable[DemoUser]) -> list[str]:
    return [user.group_name for user in users if user.group_name]
