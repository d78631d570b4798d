"""Follow-ups in the admin: every school visit noted in the LA, to read and correct.

Reading one counts as reading the aspirant's record, and a download as exporting their records,
so both are logged. After a change the aspirant's next follow-up date is worked out again.
"""

from collections import OrderedDict

from django.core.exceptions import ValidationError
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column

from .. import services
from ..selectors import display_name, follow_up_for, follow_up_profile_ids_in
from .common import (
    DueDateColumn,
    RowTitleColumn,
    ScopedDeleteView,
    ScopedEditView,
    ScopedIndexView,
    ScopedInspectView,
)

SEARCH_FIELDS = ["profile__user__first_name", "profile__user__last_name", "profile__user__email"]


def _aspirant(follow_up) -> str:
    return display_name(follow_up.profile.user)


def _school(follow_up) -> str:
    school = follow_up.profile.school
    return school.name if school else ""


def follow_up_title(follow_up) -> str:
    return _("Follow-up with %(name)s, %(date)s") % {
        "name": _aspirant(follow_up),
        "date": date_format(follow_up.visit_date, "j F Y"),
    }


def _still_due(follow_up) -> bool:
    """Whether this follow-up's next date is still the aspirant's (no later follow-up replaced it)."""
    return follow_up.next_follow_up_due == follow_up.profile.next_follow_up_due


class FollowUpDueColumn(DueDateColumn):
    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["overdue"] = context["overdue"] and _still_due(instance)
        return context


class FollowUpIndexView(ScopedIndexView):
    list_select_related = ("profile__user", "profile__school", "author")
    default_ordering = "-visit_date"
    export_headings = {
        "aspirant": gettext_lazy("Aspirant"),
        "school": gettext_lazy("School"),
        "author": gettext_lazy("Author"),
        "visit_date": gettext_lazy("Visit date"),
        "next_follow_up_due": gettext_lazy("Next follow-up due"),
    }
    list_export = list(export_headings)
    search_fields = SEARCH_FIELDS

    @cached_property
    def columns(self):
        return [
            RowTitleColumn(
                "aspirant",
                label=_("Aspirant"),
                accessor=_aspirant,
                sort_key="profile__user__last_name",
                get_url=self.get_inspect_url,
                get_buttons=self.get_list_buttons,
            ),
            Column("school", label=_("School"), accessor=_school),
            Column("author", label=_("Author"), accessor=lambda f: display_name(f.author)),
            Column("visit_date", label=_("Visit date"), sort_key="visit_date"),
            FollowUpDueColumn(
                "next_follow_up_due", label=_("Next follow-up due"), sort_key="next_follow_up_due"
            ),
        ]

    def to_row_dict(self, item):
        return OrderedDict(
            aspirant=_aspirant(item),
            school=_school(item),
            author=display_name(item.author),
            visit_date=item.visit_date,
            next_follow_up_due=item.next_follow_up_due,
        )

    def exported_profile_ids(self, queryset):
        return follow_up_profile_ids_in(follow_ups=queryset)


class FollowUpInspectView(ScopedInspectView):
    """One follow-up. Reading it is reading the aspirant's record, so it is logged as such."""

    #: For ``FollowUpViewSet.inspect_view_fields``.
    FIELDS = [
        "aspirant",
        "school",
        "author",
        "visit_date",
        "career_steps",
        "notes",
        "agreed_actions",
        "next_follow_up_due",
        "created_at",
    ]
    aspirant_inspect_url_name = "talentpool_aspirant_profiles:inspect"

    def get_object(self, queryset=None):
        return follow_up_for(follow_up=super().get_object(queryset))

    def get(self, request, *args, **kwargs):
        services.profile_view_log(viewer=request.user, profile=self.object.profile)
        return super().get(request, *args, **kwargs)

    def get_field_label(self, field_name, field):
        labels = {
            "aspirant": _("Aspirant"),
            "school": _("School"),
            "career_steps": _("Career steps discussed"),
            "next_follow_up_due": _("Next follow-up due"),
            "created_at": _("Recorded"),
        }
        return labels.get(field_name) or super().get_field_label(field_name, field)

    def get_aspirant_display_value(self):
        return _aspirant(self.object)

    def get_school_display_value(self):
        return _school(self.object) or "-"

    def get_author_display_value(self):
        return display_name(self.object.author)

    def get_career_steps_display_value(self):
        return ", ".join(step.title for step in self.object.career_steps.all()) or _("None")

    def get_notes_display_value(self):
        return linebreaksbr(self.object.notes, autoescape=True)

    def get_agreed_actions_display_value(self):
        return linebreaksbr(self.object.agreed_actions, autoescape=True) or "-"

    def get_next_follow_up_due_display_value(self):
        return self.object.next_follow_up_due or _("Not set")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["aspirant_url"] = reverse(self.aspirant_inspect_url_name, args=[self.object.profile_id])
        return context


class FollowUpEditView(ScopedEditView):
    """Correct a follow-up's notes, actions and next date (``services.follow_up_update``).

    The form shows the notes, so opening it is logged as a view of the aspirant's record.
    """

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        services.profile_view_log(viewer=request.user, profile=self.object.profile)
        return response

    def save_instance(self):
        data = self.form.cleaned_data
        return services.follow_up_update(
            follow_up=self.object,
            editor=self.request.user,
            notes=data["notes"],
            agreed_actions=data["agreed_actions"],
            next_follow_up_due=data["next_follow_up_due"],
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def get_success_message(self):
        return _("The follow-up with %(name)s is updated.") % {"name": _aspirant(self.object)}


class FollowUpDeleteView(ScopedDeleteView):
    def delete_action(self):
        services.follow_up_delete(follow_up=self.object, editor=self.request.user)

    def get_success_message(self):
        return _("The follow-up with %(name)s is deleted.") % {"name": _aspirant(self.object)}
