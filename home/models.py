from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import BodyStreamBlock

HOME_PAGE_CONTEXT_HOOK = "home_page_context"


class HomePage(Page):
    """The front page: what the programme is for, featured programmes and headline figures.

    The programmes app fills in the featured programmes and the figures through the
    ``home_page_context`` hook, so this app never imports it.
    """

    introduction = models.TextField(
        max_length=400,
        help_text=_("One or two sentences under the page title saying what the programme is for."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, use_json_field=True)
    featured_heading = models.CharField(
        max_length=120,
        default="Featured programmes",
        help_text=_("Heading above the programmes you choose to feature."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("featured_heading"),
                InlinePanel(
                    "featured_programmes",
                    label=_("Featured programme"),
                    max_num=6,
                    help_text=_("Choose up to six published programmes to show on the home page."),
                ),
            ],
            heading=_("Featured programmes"),
        ),
    ]

    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["programmes.ProgrammeIndexPage", "home.StandardPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        for add_context in hooks.get_hooks(HOME_PAGE_CONTEXT_HOOK):
            add_context(page=self, request=request, context=context)
        return context

    def featured_programme_ids(self) -> list[int]:
        """The chosen programmes' page ids in the editor's order (unsaved choices too, in previews)."""
        return [link.programme_id for link in self.featured_programmes.all()]


class HomePageFeaturedProgramme(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_programmes")
    programme = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("programme")
    )

    panels = [PageChooserPanel("programme", page_type="programmes.ProgrammePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured programme")


class StandardPage(Page):
    """A plain content page: the privacy notice, the accessibility statement, about the programme."""

    introduction = models.TextField(
        max_length=400, blank=True, help_text=_("Optional lead paragraph shown under the title.")
    )
    body = StreamField(BodyStreamBlock(), use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Branding and contact details shown on every page of a site."""

    service_name = models.CharField(
        max_length=80,
        default="Leadership portal",
        help_text=_("Shown in the header and in browser tab titles."),
    )
    organisation_name = models.CharField(
        max_length=120,
        default="Eastern Region Local Authorities",
        help_text=_("The local authority or partnership that runs this portal."),
    )
    contact_email = models.EmailField(
        blank=True, help_text=_("Where people can write with questions about the portal.")
    )
    footer_text = RichTextField(
        features=["bold", "link"],
        blank=True,
        help_text=_("A short line for the footer, such as the address of the LA's education service."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page and from the sign-up form."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("service_name"), FieldPanel("organisation_name"), FieldPanel("contact_email")],
            heading=_("Branding and contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("footer_text"),
                PageChooserPanel("privacy_page", page_type="home.StandardPage"),
                PageChooserPanel("accessibility_page", page_type="home.StandardPage"),
            ],
            heading=_("Footer"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
