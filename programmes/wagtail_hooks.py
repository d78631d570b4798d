from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import HOME_PAGE_CONTEXT_HOOK

from .forms import SchoolAdminForm
from .models import CareerStage, LocalAuthority, ProgrammeIndexPage, School
from .selectors import featured_programmes, headline_figures
from .services import programme_section_set_up
from .views import (
    SCHOOL_IMPORT_URL_NAME,
    SchoolDeleteView,
    SchoolEditView,
    SchoolImportView,
    SchoolIndexView,
)


@hooks.register(HOME_PAGE_CONTEXT_HOOK)
def add_programmes_to_home_page(*, page, request, context):
    context["featured_programmes"] = featured_programmes(ids=page.featured_programme_ids())
    context["headline_figures"] = headline_figures(site_root=page)


class SchoolFilterSet(WagtailFilterSet):
    class Meta:
        model = School
        fields = ["local_authority", "phase"]


class SchoolViewSet(SnippetViewSet):
    model = School
    icon = "home"
    menu_label = _("Schools")
    list_display = ["name", "urn", "local_authority", "phase", "cluster"]
    list_export = ["urn", "name", "local_authority", "phase", "cluster", "postcode"]
    export_filename = "schools"
    filterset_class = SchoolFilterSet
    ordering = ["name"]
    list_per_page = 50
    copy_view_enabled = False
    index_view_class = SchoolIndexView  # adds the "Import schools" button
    edit_view_class = SchoolEditView
    delete_view_class = SchoolDeleteView
    edit_handler = ObjectList(
        [FieldPanel(name) for name in ("urn", "name", "local_authority", "phase", "cluster", "postcode")],
        base_form_class=SchoolAdminForm,
    )

    def get_queryset(self, request):
        return School.objects.select_related("local_authority")


class LocalAuthorityViewSet(SnippetViewSet):
    model = LocalAuthority
    icon = "site"
    menu_label = _("Local authorities")
    list_display = ["name", "slug"]
    copy_view_enabled = False


class CareerStageViewSet(SnippetViewSet):
    model = CareerStage
    icon = "user"
    menu_label = _("Career stages")
    list_display = ["name", "sort_order"]
    sort_order_field = "sort_order"
    copy_view_enabled = False


class ProgrammeGeographyGroup(SnippetViewSetGroup):
    items = (LocalAuthorityViewSet, SchoolViewSet, CareerStageViewSet)
    menu_icon = "site"
    menu_label = _("Schools and LAs")
    menu_name = "schools-and-las"


register_snippet(ProgrammeGeographyGroup)


@hooks.register("after_create_page")
def set_up_new_programme_section(request, page):
    if isinstance(page.specific, ProgrammeIndexPage):
        programme_section_set_up(index_page=page.specific)


@hooks.register("after_copy_page")
def set_up_copied_programme_sections(request, page, new_page):
    # The copy may be a programme section, or hold one (a home page copied with its subpages).
    for index_page in ProgrammeIndexPage.objects.descendant_of(new_page, inclusive=True):
        programme_section_set_up(index_page=index_page)


@hooks.register("register_admin_urls")
def register_school_import_url():
    return [path("schools/import/", SchoolImportView.as_view(), name=SCHOOL_IMPORT_URL_NAME)]
