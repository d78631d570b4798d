"""Reads for the public programme pages. Every function keeps a constant number of queries."""

from collections.abc import Iterable

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Avg, Count, Prefetch, QuerySet
from django.db.models.functions import Lower
from django.http import QueryDict
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Page

from .forms import ProgrammeFilterForm
from .models import CareerStage, LocalAuthority, ProgrammeIndexPage, ProgrammePage, ProgrammeSchool


def live_programmes(*, within: Page | None = None) -> QuerySet[ProgrammePage]:
    """Published, public programmes; only those below ``within`` (a section or site root) if given.

    Build it once per request and pass it on: ``public()`` costs a query each time it is called.
    """
    programmes = ProgrammePage.objects.live().public()
    return programmes.descendant_of(within) if within else programmes


def with_card_data(queryset: QuerySet[ProgrammePage]) -> QuerySet[ProgrammePage]:
    """What a programme card shows, fetched in a fixed number of queries whatever the list size."""
    return queryset.prefetch_related(
        Prefetch("local_authorities", queryset=LocalAuthority.objects.order_by("name")),
        Prefetch("audiences", queryset=CareerStage.objects.order_by("sort_order", "name")),
        "tags",
    )


def filter_programmes(
    queryset: QuerySet[ProgrammePage],
    *,
    local_authority: Iterable[LocalAuthority] = (),
    theme: Iterable[Tag] = (),
    audience: Iterable[CareerStage] = (),
    status: Iterable[str] = (),
) -> QuerySet[ProgrammePage]:
    """Values within one filter widen the list (any of); different filters narrow it (all of)."""
    if local_authority:
        queryset = queryset.filter(local_authorities__in=local_authority)
    if theme:
        queryset = queryset.filter(tags__in=theme)
    if audience:
        queryset = queryset.filter(audiences__in=audience)
    if status:
        queryset = queryset.filter(status__in=status)
    if local_authority or theme or audience:
        queryset = queryset.distinct()
    return queryset


def themes_in_use(*, programmes: QuerySet[ProgrammePage]) -> QuerySet[Tag]:
    return (
        Tag.objects.filter(programmes_programmepagetag_items__content_object__in=programmes)
        .distinct()
        .order_by(Lower("name"))
    )


def local_authorities_in_use(*, programmes: QuerySet[ProgrammePage]) -> QuerySet[LocalAuthority]:
    return LocalAuthority.objects.filter(programmes__in=programmes).distinct().order_by("name")


def programme_index_context(*, index_page: ProgrammeIndexPage, params: QueryDict) -> dict:
    section = live_programmes(within=index_page)
    form = ProgrammeFilterForm(
        params,
        theme_queryset=themes_in_use(programmes=section),
        local_authority_queryset=local_authorities_in_use(programmes=section),
    )
    filters = form.valid_filters()
    programmes = filter_programmes(section, **filters).order_by("title")
    page_obj = _paginate(programmes, per_page=index_page.programmes_per_page, number=params.get("page"))
    page_obj.object_list = list(with_card_data(page_obj.object_list))
    return {
        "filter_form": form,
        "active_filters": _active_filters(form, filters),
        "programmes": page_obj,
        "filter_query": _query_without_page(params),
    }


def _paginate(queryset: QuerySet, *, per_page: int, number) -> PaginatorPage:
    return Paginator(queryset, per_page).get_page(number)


def _query_without_page(params: QueryDict) -> str:
    query = params.copy()
    query.pop("page", None)
    return query.urlencode()


def _active_filters(form: ProgrammeFilterForm, filters: dict) -> list[dict]:
    """One entry per chosen value, with the link that removes just that value."""
    active = []
    for name, values in filters.items():
        field = form.fields[name]
        for value in values:
            slug = value if isinstance(value, str) else value.slug
            label = dict(field.choices).get(slug, str(value)) if isinstance(value, str) else str(value)
            remaining = form.data.copy()
            remaining.setlist(name, [v for v in form.data.getlist(name) if v != slug])
            remaining.pop("page", None)
            active.append({"field": field.label, "label": label, "remove_query": remaining.urlencode()})
    return active


def headline_figures(*, site_root: Page) -> dict:
    """A site's figures, computed from its published programme pages in four queries."""
    programmes = live_programmes(within=site_root)
    totals = programmes.aggregate(count=Count("pk"), average=Avg("impact_score"))
    return {
        "programme_count": totals["count"],
        "local_authority_count": local_authorities_in_use(programmes=programmes).count(),
        "school_count": ProgrammeSchool.objects.filter(page__in=programmes)
        .values("school")
        .distinct()
        .count(),
        "average_impact_score": totals["average"],
    }


def featured_programmes(*, ids: list[int]) -> list[ProgrammePage]:
    """The live programmes among ``ids``, in that order, ready to show as cards."""
    found = {programme.pk: programme for programme in with_card_data(live_programmes().filter(pk__in=ids))}
    return [found[pk] for pk in ids if pk in found]


def programme_page_context(*, page: ProgrammePage) -> dict:
    # Child relations are read by iterating, not with values_list, so previews of unsaved
    # edits (held in memory by modelcluster) show the same as the published page.
    related_ids = [link.programme_id for link in page.related_programmes.all()]
    related = live_programmes().filter(pk__in=related_ids).in_bulk()
    document_ids = [link.document_id for link in page.related_documents.all()]
    documents = get_document_model().objects.in_bulk(document_ids)
    return {
        "related_programmes": [related[pk] for pk in related_ids if pk in related],
        "documents": [documents[pk] for pk in document_ids if pk in documents],
        "local_authorities": list(page.local_authorities.all()),
        "audiences": list(page.audiences.all()),
        "themes": list(page.tags.all()),
        "school_count": len({link.school_id for link in page.schools_involved.all()}),
    }
