"""The methodology page's section on microclusters, peers, agenda drafts, what-if scenarios
and cultural places: the rules in words, with the values the running app uses (the region's
``[clusters]`` settings, ``agenda.toml``), so the page cannot drift from the code."""

from __future__ import annotations

from dash import html

from dashboard.i18n import format_number, translate
from dashboard.i18n.rich import translate_parts
from dashboard.valorization.agenda import RULE_FILE, rule_descriptions
from dashboard.valorization.peers import peer_rule_text
from dashboard.web.runtime import Runtime

EXAMPLE_SCENARIO = "/potential?scenario=pirot:crafts-design:20:60"


def beyond_section(runtime: Runtime, language: str) -> list:
    clusters = runtime.cluster_settings
    rules = runtime.agenda_rules
    places = runtime.data.cultural_places
    places_file = runtime.data.region.files.get("cultural_places")
    culture = (
        translate(
            "methodology.beyond.culture_loaded",
            language,
            count=format_number(len(places), language),
            file=places_file.name if places_file else "–",
        )
        if places is not None
        else translate("methodology.beyond.culture_none", language)
    )

    def heading(key: str) -> html.H4:
        return html.H4(translate(key, language), className="method-subheading")

    return [
        heading("methodology.beyond.clusters_title"),
        html.P(
            translate(
                "methodology.beyond.clusters",
                language,
                buffer=format_number(clusters.hull_buffer_m, language),
            )
        ),
        html.P(
            translate_parts(
                "methodology.beyond.clusters_defaults",
                language,
                radius=format_number(clusters.radius_m, language),
                min_size=format_number(clusters.min_size, language),
                file=html.Code("region.toml, [clusters]"),
            )
        ),
        heading("methodology.beyond.peers_title"),
        html.P(peer_rule_text(rules.peers, language)),
        html.P(
            translate_parts(
                "methodology.beyond.peers_ranks", language, file=html.Code(f"{RULE_FILE}, [peers]")
            )
        ),
        heading("methodology.beyond.agenda_title"),
        html.P(translate("methodology.beyond.agenda", language, file=RULE_FILE)),
        html.Ul([html.Li(text) for text in rule_descriptions(rules, clusters.radius_m, language)]),
        heading("methodology.beyond.whatif_title"),
        html.P(
            translate_parts("methodology.beyond.whatif", language, example=html.Code(EXAMPLE_SCENARIO)),
        ),
        heading("methodology.beyond.culture_title"),
        html.P(
            translate_parts(
                "methodology.beyond.culture", language, readme=html.Code("data/culture/README.md")
            )
        ),
        html.P(culture),
    ]
