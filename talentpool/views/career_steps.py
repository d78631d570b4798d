"""Career steps: add one, edit one, and mark one in progress, achieved or withdrawn.

Someone else's step answers 404 (it is not in ``career_steps_editable_by``), whoever asks.
Edits are optimistic: the form carries the version it was loaded at, and if the step was saved
since (another tab), nothing is written and the page shows the newer step instead.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ..forms.career_steps import (
    STATUS_ACTIONS,
    CareerStepEditForm,
    CareerStepForm,
    CareerStepStatusForm,
    add_service_errors,
)
from ..models import CareerStep
from ..permissions import career_steps_editable_by, user_can_use_pathway
from ..services import (
    StaleEditError,
    career_step_create,
    career_step_set_status,
    career_step_update,
    profile_get_or_create,
)


def _own_step(request, pk: int) -> CareerStep:
    step = get_object_or_404(
        career_steps_editable_by(request.user).select_related("programme", "target_role"), pk=pk
    )
    if not user_can_use_pathway(request.user):
        raise PermissionDenied
    return step


def _edit_page(
    request, *, step, form, unsaved=None, changed_elsewhere=False, status_problem=None, status=200
):
    return TemplateResponse(
        request,
        "talentpool/career_step_edit.html",
        {
            "step": step,
            "form": form,
            "status_actions": [(value, label) for value, label in STATUS_ACTIONS if value != step.status],
            "changed_elsewhere": changed_elsewhere,
            "unsaved": unsaved,
            "status_problem": status_problem,
        },
        status=status,
    )


@never_cache
@login_required
def career_step_add(request):
    """Add a next step; its target date must be today or later."""
    if not user_can_use_pathway(request.user):
        raise PermissionDenied
    form = CareerStepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            career_step_create(profile=profile_get_or_create(user=request.user), **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your career step has been added."))
            return redirect("talentpool:dashboard")
    return TemplateResponse(request, "talentpool/career_step_add.html", {"form": form})


@never_cache
@login_required
def career_step_edit(request, pk: int):
    """Change a step's details; a late step may keep (or be given) a past target date."""
    step = _own_step(request, pk)
    if request.method != "POST":
        return _edit_page(request, step=step, form=CareerStepEditForm(step=step))
    form = CareerStepEditForm(request.POST, step=step)
    if form.is_valid():
        changes = dict(form.cleaned_data)
        expected_version = changes.pop("version")
        try:
            career_step_update(step=step, expected_version=expected_version, **changes)
        except StaleEditError as error:
            # Saved elsewhere since this form was loaded: show that version, write nothing.
            return _edit_page(
                request,
                step=error.current,
                form=CareerStepEditForm(step=error.current),
                unsaved=changes,
                changed_elsewhere=True,
                status=409,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your career step has been updated."))
            return redirect("talentpool:dashboard")
    return _edit_page(request, step=step, form=form)


@never_cache
@login_required
@require_POST
def career_step_status(request, pk: int):
    """Mark a step in progress, achieved or withdrawn (a button on the step's page)."""
    step = _own_step(request, pk)
    form = CareerStepStatusForm(request.POST)
    if not form.is_valid():
        problem = _("The status of this step was not changed. Choose one of the status buttons on this page.")
        return _edit_page(
            request, step=step, form=CareerStepEditForm(step=step), status_problem=problem, status=400
        )
    try:
        career_step_set_status(
            step=step, expected_version=form.cleaned_data["version"], status=form.cleaned_data["status"]
        )
    except StaleEditError as error:
        return _edit_page(
            request,
            step=error.current,
            form=CareerStepEditForm(step=error.current),
            unsaved={"status": CareerStep.Status(form.cleaned_data["status"]).label},
            changed_elsewhere=True,
            status=409,
        )
    messages.success(
        request,
        _("“%(title)s” is now marked as %(status)s.")
        % {"title": step.title, "status": step.get_status_display().lower()},
    )
    return redirect("talentpool:dashboard")
