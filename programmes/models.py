from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyStreamBlock

SECTION_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class LocalAuthority(index.Indexed, models.Model):
    """A local authority taking part in the programme. Schools, officers and SIPs belong to one."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(
        max_length=100, unique=True, help_text=_("Used in web addresses, for example 'thurrock'.")
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("local authority")
        verbose_name_plural = _("local authorities")

    def __str__(self):
        return self.name


class School(index.Indexed, models.Model):
    """A school, identified by its DfE Unique Reference Number (URN)."""

    class Phase(models.TextChoices):
        NURSERY = "nursery", _("Nursery")
        PRIMARY = "primary", _("Primary")
        SECONDARY = "secondary", _("Secondary")
        SPECIAL = "special", _("Special")
        ALL_THROUGH = "all-through", _("All-through")
        SIXTEEN_PLUS = "16-plus", _("16 plus")

    urn = models.PositiveIntegerField(
        unique=True,
        verbose_name=_("URN"),
        help_text=_("The school's Unique Reference Number from Get Information About Schools."),
    )
    name = models.CharField(max_length=200)
    local_authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT, related_name="schools")
    phase = models.CharField(max_length=20, choices=Phase.choices)
    cluster = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("Optional: the local cluster or partnership the school works in."),
    )
    postcode = models.CharField(max_length=10, blank=True)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("name"),
        index.SearchField("postcode"),
        index.FilterField("local_authority"),
        index.FilterField("phase"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        indexes = [
            models.Index(fields=["local_authority", "phase"]),
            models.Index(fields=["phase"]),
        ]

    def __str__(self):
        return f"{self.name} ({self.urn})"


class CareerStage(models.Model):
    """A stage of a school career a programme can be aimed at, from teaching assistant to head."""

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("career stage")

    def __str__(self):
        return self.name


class ProgrammeIndexPage(Page):
    """Lists every published programme, with filters for LA, theme, career stage and status."""

    introduction = models.TextField(
        max_length=400, blank=True, help_text=_("Shown above the list of programmes.")
    )
    programmes_per_page = models.PositiveSmallIntegerField(
        default=12, validators=[MinValueValidator(5), MaxValueValidator(50)]
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    settings_panels = Page.settings_panels + [FieldPanel("programmes_per_page")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["programmes.ProgrammePage"]

    class Meta:
        verbose_name = _("programme index page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import programme_index_context  # selectors import this module

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_index_context(index_page=self, params=request.GET))
        return context


class ProgrammePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "programmes.ProgrammePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ProgrammePage(Page):
    """One leadership programme or project: who it is for, what it does and what came of it."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open for interest")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")

    summary = models.TextField(
        max_length=400,
        help_text=_("One or two sentences for lists and search results. Say who it is for and what it does."),
    )
    local_authorities = ParentalManyToManyField(
        LocalAuthority,
        related_name="programmes",
        help_text=_("The local authorities whose schools take part."),
    )
    audiences = ParentalManyToManyField(
        CareerStage,
        related_name="programmes",
        verbose_name=_("who it is for"),
        help_text=_("The career stages the programme is designed for. Tick all that apply."),
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True)
    tags = ClusterTaggableManager(
        through=ProgrammePageTag,
        blank=True,
        verbose_name=_("themes"),
        help_text=_(
            "Themes such as 'networks' or 'succession planning'. Reuse existing themes where you can."
        ),
    )
    intended_outcomes = RichTextField(
        features=SECTION_FEATURES, blank=True, verbose_name=_("intended outcomes")
    )
    activities = RichTextField(features=SECTION_FEATURES, blank=True, verbose_name=_("activities"))
    outcomes = RichTextField(
        features=SECTION_FEATURES,
        blank=True,
        verbose_name=_("outcomes"),
        help_text=_("What actually happened as a result."),
    )
    new_knowledge = RichTextField(
        features=SECTION_FEATURES,
        blank=True,
        verbose_name=_("new knowledge"),
        help_text=_("What participants and the LA learned."),
    )
    building_on = RichTextField(
        features=SECTION_FEATURES,
        blank=True,
        verbose_name=_("how it will be built on"),
        help_text=_("Plans to continue, extend or share the work."),
    )
    benefits = RichTextField(features=SECTION_FEATURES, blank=True, verbose_name=_("benefits"))
    impact_score = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_(
            "Optional. The LA's estimate of impact on sustainable leadership, from 1 (little or none) "
            "to 10 (high)."
        ),
    )
    funding = models.CharField(
        max_length=200, blank=True, help_text=_("For example '£2,500 research grant from the region'.")
    )
    contact_name = models.CharField(max_length=100, blank=True)
    contact_email = models.EmailField(
        blank=True, help_text=_("Who people should write to with questions about this programme.")
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        use_json_field=True,
        verbose_name=_("more about the programme"),
        help_text=_("Anything else readers need: case studies, quotes, timetables."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("intended_outcomes"),
                FieldPanel("activities"),
                FieldPanel("outcomes"),
                FieldPanel("new_knowledge"),
                FieldPanel("building_on"),
                FieldPanel("benefits"),
            ],
            heading=_("About the programme"),
            help_text=_("Leave a section blank to leave it off the page."),
        ),
        FieldPanel("body"),
    ]
    details_panels = [
        FieldPanel("status"),
        FieldPanel("local_authorities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        MultipleChooserPanel(
            "schools_involved",
            chooser_field_name="school",
            label=_("Schools involved"),
            help_text=_("The schools taking part. They count towards the home page figures."),
        ),
        FieldRowPanel([FieldPanel("impact_score"), FieldPanel("funding")]),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")),
        MultipleChooserPanel(
            "related_documents", chooser_field_name="document", label=_("Related documents")
        ),
        InlinePanel("related_programmes", label=_("Related programmes"), max_num=4),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(details_panels, heading=_("Programme details")),
            ObjectList(Page.promote_panels, heading=_("Promotion")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("intended_outcomes"),
        index.SearchField("activities"),
        index.SearchField("outcomes"),
        index.SearchField("new_knowledge"),
        index.SearchField("building_on"),
        index.SearchField("benefits"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("local_authorities", [index.SearchField("name")]),
        index.FilterField("status"),
    ]

    parent_page_types = ["programmes.ProgrammeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("programme page")

    @property
    def sections(self) -> list[tuple[str, str]]:
        """The structured sections that have content, as (heading, rich text) in reading order."""
        fields = ["intended_outcomes", "activities", "outcomes", "new_knowledge", "building_on", "benefits"]
        return [
            (self._meta.get_field(name).verbose_name.capitalize(), getattr(self, name))
            for name in fields
            if getattr(self, name)
        ]

    def get_context(self, request, *args, **kwargs):
        from .selectors import programme_page_context  # selectors import this module

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_page_context(page=self))
        return context


class ProgrammeSchool(Orderable):
    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="schools_involved")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("school")]


class ProgrammeDocument(Orderable):
    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="related_documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("document")]


class RelatedProgramme(Orderable):
    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="related_programmes")
    programme = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("programme", page_type="programmes.ProgrammePage")]

    def clean(self):
        super().clean()
        if self.page_id and self.programme_id == self.page_id:
            raise ValidationError(
                {"programme": _("Choose a different programme: a page cannot be related to itself.")}
            )
