"""The visitor's own address, also behind a load balancer or a reverse proxy.

Behind a proxy, ``REMOTE_ADDR`` is the proxy's address, the same for every
visitor: one visitor would use up a form's limit for all, and five wrong
passwords would lock the office out everywhere. Each proxy appends the address
it was reached from to ``X-Forwarded-For``, so the visitor's address is in that
header, but so is anything the visitor wrote into it before: only what the
trusted proxies appended counts, read from the right.

``TRUSTED_PROXIES`` (settings, from the environment) names them, either

* by address or network (``10.0.0.2,10.1.0.0/16,::1``): a request whose
  ``REMOTE_ADDR`` is one of them gives the right-most address in the header that
  is not one of them; a request from anyone else keeps its ``REMOTE_ADDR``, and
  its header is ignored. A connection through a Unix socket has no address: it
  comes from a process on this machine (the local proxy) and is trusted too; or
* by number (``2``), when their addresses change: the address that many places
  from the right. Then the site must be reachable through those proxies only.

Empty (the default) trusts nobody. ``TrustedProxyMiddleware`` comes first and
writes the result into ``REMOTE_ADDR``: the rate limits, django-axes (and the
failed logins it lists in the admin) and gunicorn's access log (which reads the
same WSGI environment) all see the visitor's address.
"""

from ipaddress import ip_address, ip_network

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def parse_address(text):
    """``text`` as an IP address (an IPv4 address mapped into IPv6 as IPv4), or None."""
    try:
        address = ip_address(text.strip())
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


class TrustedProxies:
    """The proxies named by a ``TRUSTED_PROXIES`` setting: a list of addresses and
    networks, or a list of one number."""

    def __init__(self, names):
        self.count = 0
        self.networks = []
        if len(names) == 1 and names[0].isdecimal():
            self.count = int(names[0])
            return
        for name in names:
            try:
                self.networks.append(ip_network(name, strict=False))
            except ValueError:
                raise ImproperlyConfigured(
                    f"TRUSTED_PROXIES: {name!r} is neither an IP address nor a network. "
                    "Name the proxies by address or network (10.0.0.2,10.1.0.0/16) "
                    "or give their number (2)."
                ) from None

    def __bool__(self):
        return bool(self.count or self.networks)

    def trusts(self, address):
        return any(address in network for network in self.networks)

    def client_address(self, remote_addr, forwarded_for):
        """The visitor's address, from the peer's address and the ``X-Forwarded-For`` header."""
        hops = forwarded_for.split(",") if forwarded_for else []
        if self.count:
            if len(hops) < self.count:
                # The request did not pass all the proxies: the header may be the client's own.
                return remote_addr
            client = parse_address(hops[-self.count])
            return str(client) if client else remote_addr
        peer = parse_address(remote_addr)
        if remote_addr and (peer is None or not self.trusts(peer)):
            return remote_addr
        client = remote_addr
        for hop in reversed(hops):
            address = parse_address(hop)
            if address is None:
                # Not written by a proxy: nothing left of it can be trusted.
                break
            client = str(address)
            if not self.trusts(address):
                break
        return client


class TrustedProxyMiddleware:
    """Put the visitor's address into ``REMOTE_ADDR`` when a trusted proxy forwarded the
    request. First in ``MIDDLEWARE``, so everything after it sees the visitor."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.proxies = TrustedProxies(settings.TRUSTED_PROXIES)

    def __call__(self, request):
        if self.proxies:
            meta = request.META
            meta["REMOTE_ADDR"] = self.proxies.client_address(
                meta.get("REMOTE_ADDR", ""), meta.get("HTTP_X_FORWARDED_FOR", "")
            )
        return self.get_response(request)


def client_address(request):
    """The visitor's address (``TrustedProxyMiddleware`` has put it in ``REMOTE_ADDR``).

    The forms' rate limits and django-axes (``AXES_CLIENT_IP_CALLABLE``) count by it.
    """
    return request.META.get("REMOTE_ADDR", "")
