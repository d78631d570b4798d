from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.views.decorators.csrf import requires_csrf_token
from wagtail.models import Site

from .selectors import search_pages

RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()
    matches = search_pages(query=query, site=Site.find_for_request(request))
    results = Paginator(matches, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "home/search.html",
        {"query": query, "query_string": urlencode({"q": query}), "results": results},
    )


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # Rendered without the request context: whatever broke may be in a context processor.
    return render(None, "500.html", status=500)
