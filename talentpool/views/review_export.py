"""Export the review list as a spreadsheet (CSV or XLSX), with the list's filters and sort order.

The file holds exactly the rows of the reviewer's filtered list, every page of it. Each exported
record is written to the audit log before the file is sent.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ..exports import FILE_FORMATS, export_filename, export_response, export_rows
from ..forms.review import ReviewFilterForm
from ..permissions import user_can_export_profile_list
from ..selectors import (
    aspirants_for_reviewer,
    profile_ids_in,
    profiles_with_programmes,
    review_filter_choices,
)
from ..services import profile_export_log


@never_cache
@login_required
@require_GET
def review_export(request, file_format: str):
    """The filtered list (filters as in the list's URL) as a download; unknown formats are 404."""
    if file_format not in FILE_FORMATS:
        raise Http404
    if not user_can_export_profile_list(request.user):
        raise PermissionDenied
    form = ReviewFilterForm(request.GET, choices=review_filter_choices(user=request.user))
    profiles = aspirants_for_reviewer(user=request.user, filters=form.filters())
    profile_export_log(
        viewer=request.user, profile_ids=profile_ids_in(profiles=profiles), file_format=file_format
    )
    return export_response(
        rows=export_rows(profiles_with_programmes(profiles=profiles)),
        file_format=file_format,
        filename=export_filename(file_format=file_format, on=timezone.localdate()),
    )
