"""The outlet an article comes from: the source its input names, else its URL's site.

A feed's title or a page's site name is kept as given; an article with neither (a JSONL
corpus with only `url`) is filed under its site's registered domain, named readably from
`data/outlets/outlets.tsv` ("en.wikinews.org" → "Wikinews") or shown as the domain itself.
"""

from __future__ import annotations

import functools
import ipaddress
import urllib.parse
from importlib import resources

# Second-level labels under a two-letter country domain that are themselves public
# suffixes ("bbc.co.uk", "abc.net.au", "example.com.br"): the registered name is one more.
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "go", "or", "ne",
                           "gv", "mil", "nic", "ltd", "plc", "sch", "nhs", "info", "biz",
                           "nom", "gob", "gouv"})


@functools.cache
def _names() -> dict[str, str]:
    text = resources.files("newsdossier").joinpath("data/outlets/outlets.tsv").read_text("utf-8")
    names = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        domain, _, name = line.partition("\t")
        if domain.strip() and name.strip():
            names[domain.strip().lower()] = name.strip()
    return names


def registered_domain(host: str) -> str:
    """The name a site registered ("en.wikinews.org" → "wikinews.org", "news.bbc.co.uk" →
    "bbc.co.uk"); an IP address or a one-label host comes back as it is."""
    host = host.strip().lower().rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    labels = [label for label in host.split(".") if label]
    if len(labels) <= 2:
        return ".".join(labels)
    keep = 3 if len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def outlet_from_url(url: str | None) -> str | None:
    """The readable outlet name of a web address, or its registered domain; None when it
    is no http(s) address."""
    if not url:
        return None
    try:
        parts = urllib.parse.urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    domain = registered_domain(host)
    return _names().get(domain, domain)


# Two-letter domains sold to anyone as generic names ("bit.ly", "example.io", "news.tv"):
# they say nothing of where a site is.
_GENERIC_COUNTRY_DOMAINS = frozenset({"io", "co", "tv", "me", "fm", "ai", "ly", "gg", "cc",
                                      "ws", "to", "la", "am", "so", "sh", "ac", "nu", "vc",
                                      "ag", "im", "eu", "su"})
# Country domains whose label is not the country's ISO 3166 alpha-2 code.
_COUNTRY_DOMAIN_ALIASES = {"uk": "GB"}


def _host(url: str | None) -> str | None:
    """The host name of a web address; None when there is none."""
    if not url:
        return None
    try:
        return urllib.parse.urlsplit(url.strip()).hostname or None
    except ValueError:
        return None


def outlet_country(url: str | None) -> str | None:
    """The ISO3 country of a web address's country-code domain ("www.cbc.ca" → CAN,
    "nlhnews.co.uk" → GBR); None for generic and sold-as-generic domains."""
    label = (_host(url) or "").rstrip(".").rpartition(".")[2].lower()
    if len(label) != 2 or not label.isalpha() or label in _GENERIC_COUNTRY_DOMAINS:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=_COUNTRY_DOMAIN_ALIASES.get(label, label.upper()))
    return country.alpha_3 if country is not None else None


def site_label(url: str | None) -> str | None:
    """The name part of a web address's registered domain ("www.theparisnews.com" →
    "theparisnews"); None when it is no web address."""
    host = _host(url)
    return registered_domain(host).split(".", 1)[0] or None if host else None


def outlet_name(source: str | None, url: str | None) -> str | None:
    """The outlet an article is filed under: its stated source, else its URL's site."""
    if source and source.strip():
        return source.strip()
    return outlet_from_url(url)
