"""Response headers that tell browsers what the site's pages may do.

The Content-Security-Policy is django-csp's, from ``CONTENT_SECURITY_POLICY``;
the admin gets the additions in ``CONTENT_SECURITY_POLICY_ADMIN`` on top.
Django has no setting for ``Permissions-Policy``, so it is set here from
``PERMISSIONS_POLICY``.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's additions on the admin's pages only.

    The admin's rich-text editor loads its modules through an inline import
    map (which carries the page's nonce) and the editor sets inline styles.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(reverse("admin:index")):
            parts.update = {**settings.CONTENT_SECURITY_POLICY_ADMIN, **(parts.update or {})}
        return parts


class PermissionsPolicyMiddleware:
    """Switches off browser features no page of the site uses (camera, location ...)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
