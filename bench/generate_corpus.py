#!/usr/bin/python3
"""Generate a deterministic corpus of realistic CurriculumKit curricula for benchmarking.

Every curriculum is its own folder, shaped like Curricula/liaise:

    c0001-community-mediation/
        curriculum.json                 {}
        community-mediation.xml         <programme> with meta, audiences, resources, glossary and includes
        modules/<topic>.xml             <module>: objectives, resources, case-study includes, activities, questions
        sessions/sN.xml                 <session>: timed days of exactly 8 hours, evaluation instruments
        cases/<case>.xml                <case-study> files included by modules
        deliveries/<city>-<year>.xml    <delivery> (about half of the curricula)
        handouts/*.md                   the files every resource points at

Each curriculum is built from its own random generator seeded with (seed, index), so a corpus is a prefix of
any larger corpus made with the same seed, and the same command always writes the same bytes. Every
curriculum is meant to validate with no errors and no warnings: days of 09:00-17:00 whose agenda adds up to
exactly 480 minutes with a break or meal at least every 90 minutes, every objective developed by an activity and
assessed by a question, every resource, case study and module used, French translations for every
participant-facing text, IDs unique per curriculum.

Usage:
    generate_corpus.py --seed 1 --target-mb 10 --out bench/out/corpus-10mb
    generate_corpus.py --seed 1 --count 200 --out bench/out/mem-200
    generate_corpus.py --hostile bench/out/hostile

Standard library only. The corpus is written to OUT.tmp and renamed to OUT when complete; OUT/corpus.json
records the parameters and totals (run.sh uses it to know a corpus is complete).
"""

import argparse
import json
import os
import random
import shutil
import sys
from xml.sax.saxutils import escape as _escape

NS = "urn:curriculumkit:curriculum:1"
DAY_MINUTES = 8 * 60
MAX_STRETCH = 90


def esc(text):
    return _escape(text, {'"': "&quot;"})


# ---------------------------------------------------------------------------------------------- vocabulary
# Parallel English/French phrase lists: a sentence is built from indices, so its translation is built from the
# same indices. Nothing here contains digits, '@', '&', "password", or vague link wording, so the generated text
# never trips the personal-data, secret or accessibility rules.

SUBJECTS = [
    ("Front-line staff", "Les professionnels de terrain"),
    ("Youth workers", "Les animateurs jeunesse"),
    ("Prevention coordinators", "Les coordinateurs de la prévention"),
    ("Partner organisations", "Les organisations partenaires"),
    ("Teachers and school staff", "Les enseignants et le personnel scolaire"),
    ("Social workers", "Les travailleurs sociaux"),
    ("Community mediators", "Les médiateurs de quartier"),
    ("Elected officials", "Les élus"),
    ("Housing officers", "Les agents du logement social"),
    ("Librarians and sports coaches", "Les bibliothécaires et les entraîneurs sportifs"),
    ("Health professionals", "Les professionnels de santé"),
    ("Community police officers", "Les policiers de proximité"),
    ("Local associations", "Les associations locales"),
    ("Managers of municipal services", "Les responsables des services municipaux"),
]

VERBS = [
    ("often notice", "remarquent souvent"),
    ("need to agree on", "doivent s'accorder sur"),
    ("can strengthen", "peuvent renforcer"),
    ("are asked to map", "sont invités à cartographier"),
    ("rarely discuss", "abordent rarement"),
    ("share responsibility for", "partagent la responsabilité de"),
    ("learn to recognise", "apprennent à reconnaître"),
    ("work together on", "travaillent ensemble sur"),
    ("are well placed to support", "sont bien placés pour soutenir"),
    ("regularly review", "examinent régulièrement"),
    ("have to explain", "doivent expliquer"),
    ("can help to improve", "peuvent contribuer à améliorer"),
]

OBJECTS = [
    ("early signs of tension in a neighbourhood", "les premiers signes de tension dans un quartier"),
    ("the links between local services", "les liens entre les services locaux"),
    ("a proportionate first response", "une première réponse proportionnée"),
    ("the roles of each partner", "le rôle de chaque partenaire"),
    ("the needs of families", "les besoins des familles"),
    ("the rules for sharing information", "les règles de partage de l'information"),
    ("the local prevention strategy", "la stratégie locale de prévention"),
    ("the trust of residents", "la confiance des habitants"),
    ("the referral routes that already exist", "les circuits d'orientation qui existent déjà"),
    ("the evaluation of local projects", "l'évaluation des projets locaux"),
    ("the voice of young people", "la parole des jeunes"),
    ("the messages the municipality sends", "les messages que la commune diffuse"),
    ("the support offered to victims", "le soutien proposé aux victimes"),
    ("the use of public spaces", "l'usage des espaces publics"),
    ("the work of the steering group", "le travail du comité de pilotage"),
    ("the situation of people leaving prison", "la situation des personnes sortant de prison"),
]

TAILS = [
    ("before a crisis starts", "avant qu'une crise n'éclate"),
    ("within the existing prevention strategy", "dans le cadre de la stratégie de prévention existante"),
    ("without turning every worry into an emergency", "sans transformer chaque inquiétude en urgence"),
    ("with the support of their managers", "avec le soutien de leur hiérarchie"),
    ("in the weeks after the session", "dans les semaines qui suivent la session"),
    ("when resources are limited", "lorsque les moyens sont limités"),
    ("across the whole municipality", "à l'échelle de toute la commune"),
    ("in close cooperation with civil society", "en étroite coopération avec la société civile"),
    ("while respecting everyone's independence", "dans le respect de l'indépendance de chacun"),
    ("so that nobody is left to act alone", "afin que personne ne soit laissé seul face à la situation"),
    ("at the level closest to residents", "à l'échelon le plus proche des habitants"),
    ("even when the public debate is tense", "même lorsque le débat public est tendu"),
]

CONNECTORS = [
    ("In practice,", "En pratique,"),
    ("Experience from partner cities shows that", "L'expérience des villes partenaires montre que"),
    ("This matters because", "C'est important parce que"),
    ("In many municipalities,", "Dans de nombreuses communes,"),
    ("During the session,", "Pendant la session,"),
    ("As a rule,", "En règle générale,"),
    ("", ""),
    ("", ""),
]

OBJECTIVE_VERBS = [
    ("Explain", "Expliquer"), ("Map", "Cartographier"), ("Draft", "Rédiger"), ("Compare", "Comparer"),
    ("Identify", "Identifier"), ("Plan", "Planifier"), ("Describe", "Décrire"), ("Formulate", "Formuler"),
    ("Assess", "Évaluer"), ("Present", "Présenter"), ("Apply", "Appliquer"), ("Design", "Concevoir"),
]

LEVELS = ["remember", "understand", "apply", "analyse", "evaluate", "create"]
DOMAINS = ["knowledge", "skill", "attitude"]

TOPICS = [
    ("awareness", "Raising awareness among actors on the ground", "Sensibiliser les acteurs de terrain"),
    ("local-strategy", "Drafting a local strategy with stakeholders", "Élaborer une stratégie locale avec les acteurs"),
    ("disengagement", "The local approach to disengagement", "L'approche locale du désengagement"),
    ("communication", "Local communication and counter-narratives", "Communication locale et contre-discours"),
    ("families", "Support to families", "Le soutien aux familles"),
    ("schools", "Resilience and prevention in schools", "Résilience et prévention à l'école"),
    ("mediation", "Community mediation in practice", "La médiation de quartier en pratique"),
    ("youth-participation", "Involving young people in local decisions", "Associer les jeunes aux décisions locales"),
    ("digital-resilience", "Digital resilience and online hate", "Résilience numérique et haine en ligne"),
    ("victim-support", "Supporting victims and witnesses", "Soutenir les victimes et les témoins"),
    ("public-spaces", "Safe and shared public spaces", "Des espaces publics sûrs et partagés"),
    ("information-sharing", "Information sharing between partners", "Le partage d'informations entre partenaires"),
    ("evaluation", "Evaluating prevention projects", "Évaluer les projets de prévention"),
    ("reintegration", "Reintegration after prison", "La réinsertion après la prison"),
    ("crisis-response", "Responding to a local crisis", "Réagir à une crise locale"),
    ("sport-culture", "Prevention through sport and culture", "La prévention par le sport et la culture"),
]

PROGRAMME_NAMES = [
    ("Safer Together", "Plus sûrs ensemble"), ("Local Roots", "Racines locales"),
    ("City Bridges", "Ponts entre les villes"), ("Common Ground", "Terrain commun"),
    ("Open Doors", "Portes ouvertes"), ("Neighbourhood Voices", "Voix des quartiers"),
    ("Shared Cities", "Villes partagées"), ("First Response", "Première réponse"),
    ("Resilient Communities", "Communautés résilientes"), ("Trust Networks", "Réseaux de confiance"),
]

CITIES = [
    ("BE", "Brussels", "Europe/Brussels"), ("BE", "Liege", "Europe/Brussels"), ("FR", "Dijon", "Europe/Paris"),
    ("FR", "Strasbourg", "Europe/Paris"), ("DE", "Augsburg", "Europe/Berlin"), ("ES", "Barcelona", "Europe/Madrid"),
    ("IT", "Turin", "Europe/Rome"), ("PT", "Lisbon", "Europe/Lisbon"), ("NL", "Rotterdam", "Europe/Amsterdam"),
    ("GB", "Manchester", "Europe/London"), ("SE", "Malmo", "Europe/Stockholm"), ("US", "Columbus", "America/New_York"),
]

GLOSSARY = [
    ("radicalisation", "Radicalisation", "Radicalisation"),
    ("violent-extremism", "Violent extremism", "Extrémisme violent"),
    ("integrated-prevention", "Integrated local security policy", "Politique locale de sécurité intégrée"),
    ("disengagement", "Disengagement", "Désengagement"),
    ("multi-agency", "Multi-agency work", "Travail multi-partenarial"),
    ("counter-narrative", "Counter-narrative", "Contre-discours"),
    ("resilience", "Resilience", "Résilience"),
    ("mediation", "Mediation", "Médiation"),
    ("safeguarding", "Safeguarding", "Protection"),
    ("referral", "Referral", "Orientation"),
]

AUDIENCES = [
    ("elected", "Elected officials and senior managers", "Élus et cadres dirigeants", "local government"),
    ("coordinators", "Prevention and security coordinators", "Coordinateurs de la prévention et de la sécurité", "local government"),
    ("frontline", "Front-line practitioners", "Professionnels de terrain", "youth work"),
    ("partners", "Partner organisations", "Organisations partenaires", "civil society"),
    ("schools", "School staff", "Personnels scolaires", "education"),
    ("health", "Health and care professionals", "Professionnels de santé et du soin", "health"),
]

ACTIVITY_TITLES = {
    "input": [("Why this matters locally", "Pourquoi c'est une affaire locale"),
              ("Key ideas and the local framework", "Notions clés et cadre local")],
    "group-work": [("Who sees what? Mapping the actors", "Qui voit quoi ? Cartographier les acteurs"),
                   ("Building the partnership", "Construire le partenariat"),
                   ("From diagnosis to priorities", "Du diagnostic aux priorités")],
    "exercise": [("From worry to response", "De l'inquiétude à la réponse"),
                 ("Sorting situations", "Classer les situations"),
                 ("Testing the action plan", "Mettre le plan d'action à l'épreuve")],
    "role-play": [("Steering group simulation", "Simulation du comité de pilotage"),
                  ("A difficult conversation", "Une conversation difficile")],
    "plenary": [("Sharing what works", "Partager ce qui fonctionne"),
                ("Gallery walk", "Galerie des productions")],
    "case-discussion": [("Case discussion", "Étude de cas")],
}

MATERIALS = [
    ("Flipchart sheets", "Feuilles de paperboard", "session"),
    ("Set of markers", "Jeu de marqueurs", "group"),
    ("Pads of sticky notes", "Blocs de notes adhésives", "group"),
    ("Name badge", "Badge nominatif", "participant"),
    ("Rolls of masking tape", "Rouleaux de ruban de masquage", "session"),
]


# ---------------------------------------------------------------------------------------------- text helpers

class Text:
    """Builds sentences, paragraphs and blocks in English and French from one random generator."""

    def __init__(self, rng, glossary_ids):
        self.rng = rng
        self.glossary = glossary_ids  # list of (id, en word, fr word)

    def sentence(self, term=False):
        r = self.rng
        c = r.choice(CONNECTORS)
        s = r.choice(SUBJECTS)
        v = r.choice(VERBS)
        o = r.choice(OBJECTS)
        t = r.choice(TAILS)
        en_o, fr_o = esc(o[0]), esc(o[1])
        if term and self.glossary:
            gid, gen, gfr = r.choice(self.glossary)
            en_o += ', including <term ref="%s">%s</term>' % (gid, esc(gen.lower()))
            fr_o += ', y compris la notion de <term ref="%s">%s</term>' % (gid, esc(gfr.lower()))
        if c[0]:
            en = "%s %s %s %s %s." % (c[0], s[0].lower(), v[0], en_o, t[0])
            fr = "%s %s %s %s %s." % (c[1], s[1].lower(), v[1], fr_o, t[1])
        else:
            en = "%s %s %s %s." % (s[0], v[0], en_o, t[0])
            fr = "%s %s %s %s." % (s[1], v[1], fr_o, t[1])
        return esc_sentence(en), esc_sentence(fr)

    def paragraph(self, lo=2, hi=4, term_chance=0.2):
        n = self.rng.randint(lo, hi)
        pairs = [self.sentence(term=self.rng.random() < term_chance) for _ in range(n)]
        return " ".join(p[0] for p in pairs), " ".join(p[1] for p in pairs)

    def short(self):
        """A short label: object plus tail, capitalised."""
        o = self.rng.choice(OBJECTS)
        t = self.rng.choice(TAILS)
        return esc(cap(o[0] + " " + t[0])), esc(cap(o[1] + " " + t[1]))

    def question(self):
        o = self.rng.choice(OBJECTS)
        t = self.rng.choice(TAILS)
        return (esc("How would you improve %s %s?" % (o[0], t[0])),
                esc("Comment amélioreriez-vous %s %s ?" % (o[1], t[1])))

    def blocks(self, paragraphs=(1, 3), list_chance=0.25, term_chance=0.2, sentences=(2, 4)):
        """English and French block lists (each a list of XML strings) with the same structure."""
        en, fr = [], []
        for _ in range(self.rng.randint(*paragraphs)):
            if self.rng.random() < list_chance:
                tag = self.rng.choice(["ul", "ol"])
                items = [self.sentence() for _ in range(self.rng.randint(2, 4))]
                en.append("<%s>%s</%s>" % (tag, "".join("<li>%s</li>" % i[0] for i in items), tag))
                fr.append("<%s>%s</%s>" % (tag, "".join("<li>%s</li>" % i[1] for i in items), tag))
            else:
                p = self.paragraph(sentences[0], sentences[1], term_chance=term_chance)
                en.append("<p>%s</p>" % p[0])
                fr.append("<p>%s</p>" % p[1])
        return en, fr


def esc_sentence(s):
    s = s.strip()
    return s[0].upper() + s[1:] if s and not s.startswith("<") else s


def cap(s):
    return s[0].upper() + s[1:] if s else s


def rich(tag, text, indent, attrs="", translate=True, paragraphs=(1, 3), list_chance=0.25, term_chance=0.2,
         sentences=(2, 4)):
    en, fr = text.blocks(paragraphs, list_chance, term_chance, sentences)
    pad = " " * indent
    inner = pad + "  "
    lines = ["%s<%s%s>" % (pad, tag, attrs)]
    lines += [inner + b for b in en]
    if translate:
        lines.append(inner + '<t xml:lang="fr">')
        lines += [inner + "  " + b for b in fr]
        lines.append(inner + "</t>")
    lines.append("%s</%s>" % (pad, tag))
    return "\n".join(lines)


def label(tag, en, fr, indent, attrs="", translate=True):
    t = '<t xml:lang="fr">%s</t>' % fr if translate else ""
    return "%s<%s%s>%s%s</%s>" % (" " * indent, tag, attrs, en, t, tag)


def iso(minutes):
    h, m = divmod(minutes, 60)
    return "PT" + ("%dH" % h if h else "") + ("%dM" % m if m else "") if minutes else "PT0M"


def slug(s):
    out = []
    for ch in s.lower():
        out.append(ch if ch.isascii() and ch.isalnum() else "-")
    return "-".join(filter(None, "".join(out).split("-")))


# ---------------------------------------------------------------------------------------------- model

class Activity:
    def __init__(self, aid, kind, minutes, module_id):
        self.id = aid
        self.kind = kind
        self.minutes = minutes
        self.module_id = module_id
        self.develops = []


class Curriculum:
    """One generated curriculum: writes its files and returns the XML byte count."""

    def __init__(self, seed, index):
        self.index = index
        self.rng = random.Random("curriculumkit-bench:%s:%d" % (seed, index))
        r = self.rng
        name = r.choice(PROGRAMME_NAMES)
        self.topics = r.sample(TOPICS, r.randint(3, 8))
        self.name_en, self.name_fr = name
        self.slug = slug(self.name_en)
        self.folder = "c%04d-%s" % (index, self.slug)
        self.pid = "p%04d-%s" % (index, self.slug)
        self.code = "".join(w[0] for w in self.name_en.split()).upper() + "%d" % index
        glossary = r.sample(GLOSSARY, r.randint(4, 8))
        self.glossary = [("g-" + g[0], g[1], g[2]) for g in glossary]
        self.text = Text(r, self.glossary)
        self.audiences = r.sample(AUDIENCES, r.randint(3, 5))
        self.files = {}  # relative path -> content (str)

    # --- programme-level resources, always used by agenda items
    PROGRAMME_RESOURCES = [
        ("res-evaluation-form", "form", "evaluation-form.md", "Session evaluation form", "Formulaire d'évaluation de la session"),
        ("res-action-plan", "worksheet", "personal-action-plan.md", "Personal action plan", "Plan d'action personnel"),
        ("res-energisers", "handout", "energiser-bank.md", "Energiser bank", "Banque d'activités de redynamisation"),
    ]

    def build(self):
        r = self.rng
        modules = []
        for k, (tslug, ten, tfr) in enumerate(self.topics, start=1):
            modules.append(self.build_module(k, tslug, ten, tfr))
        # distribute modules over 2-4 sessions, contiguously, at least one module each
        nsessions = min(r.randint(2, 4), len(modules))
        cuts = sorted(r.sample(range(1, len(modules)), nsessions - 1))
        groups = [modules[a:b] for a, b in zip([0] + cuts, cuts + [len(modules)])]
        sessions = []
        for n, group in enumerate(groups, start=1):
            sessions.append(self.build_session(n, group, nsessions))
        delivery = self.build_delivery(sessions) if r.random() < 0.5 else None
        self.write_programme(modules, sessions, delivery)
        self.files["curriculum.json"] = "{}\n"
        for rid, kind, fname, en, fr in self.PROGRAMME_RESOURCES:
            self.files["handouts/" + fname] = "# %s\n\n%s\n" % (en, self.text.paragraph(1, 2)[0])
        return self

    # ------------------------------------------------------------------ module
    def build_module(self, k, tslug, ten, tfr):
        r, tx = self.rng, self.text
        mid = "m%d-%s" % (k, tslug)
        nact = r.randint(3, 6)
        ncases = r.randint(0, min(2, nact - 2))
        nobj = r.randint(2, min(4, nact))
        nres = r.randint(1, min(4, nact))
        objectives = ["obj-m%d-%d" % (k, j) for j in range(1, nobj + 1)]
        resources = ["res-m%d-%d" % (k, j) for j in range(1, nres + 1)]
        cases = ["cs-m%d-%d" % (k, j) for j in range(1, ncases + 1)]

        kinds = []
        if r.random() < 0.7:
            kinds.append("input")
        while len(kinds) < nact - ncases:
            kinds.append(r.choice(["group-work", "exercise", "role-play", "plenary", "group-work"]))
        kinds += ["case-discussion"] * ncases
        activities = []
        for j, kind in enumerate(kinds, start=1):
            minutes = r.choice([45, 60] if kind == "input" else [45, 60, 60, 75, 75, 90])
            a = Activity("a-m%d-%d" % (k, j), kind, minutes, mid)
            activities.append(a)
        # every objective developed: round robin, sometimes a second one
        for j, a in enumerate(activities):
            a.develops = [objectives[j % nobj]]
            if r.random() < 0.25 and nobj > 1:
                other = objectives[(j + 1) % nobj]
                if other not in a.develops:
                    a.develops.append(other)
        # every resource used; every case used by its case-discussion activity
        res_of = {a.id: [] for a in activities}
        for j, rid in enumerate(resources):
            res_of[activities[j % nact].id].append(rid)
        case_acts = activities[nact - ncases:]
        for a, cid in zip(case_acts, cases):
            a.cases = [cid]

        L = []
        L.append('<?xml version="1.0" encoding="UTF-8"?>')
        L.append('<module xmlns="%s" xml:lang="en" format-version="1.0"' % NS)
        L.append('        id="%s" topic="%s">' % (mid, tslug))
        L.append(label("title", esc(ten), esc(tfr), 2))
        L.append(rich("summary", tx, 2, paragraphs=(1, 2), term_chance=0.5))
        L.append("  <objectives>")
        for j, oid in enumerate(objectives):
            v = r.choice(OBJECTIVE_VERBS)
            o = r.choice(OBJECTS)
            t = r.choice(TAILS)
            L.append('    <objective id="%s" domain="%s" level="%s">' % (oid, r.choice(DOMAINS), r.choice(LEVELS)))
            L.append(label("text", esc("%s %s %s." % (v[0], o[0], t[0])), esc("%s %s %s." % (v[1], o[1], t[1])), 6))
            L.append("    </objective>")
        L.append("  </objectives>")
        L.append("  <resources>")
        for j, rid in enumerate(resources, start=1):
            kind = r.choice(["handout", "worksheet", "checklist", "reading"])
            fname = "%s-%d-%s.md" % (tslug, j, kind)
            self.files["handouts/" + fname] = "# %s\n\n%s\n" % (kind.capitalize(), tx.paragraph(1, 2)[0])
            en, fr = tx.short()
            L.append('    <resource id="%s" kind="%s" href="../handouts/%s" media-type="text/markdown"' % (rid, kind, fname))
            L.append('              for="%s" print="yes" copies-per="%s" xml:lang="en">'
                     % (r.choice(["all", "participant"]), r.choice(["participant", "group"])))
            L.append(label("title", en, fr, 6))
            L.append(rich("description", tx, 6, paragraphs=(1, 1), list_chance=0, term_chance=0))
            L.append("    </resource>")
        L.append("  </resources>")
        if cases:
            L.append("  <case-studies>")
            for cid in cases:
                fname = self.build_case(cid)
                L.append('    <include href="../cases/%s" expect="case-study"/>' % fname)
            L.append("  </case-studies>")
        L.append("  <activities>")
        for a in activities:
            L += self.activity_xml(a, res_of[a.id], getattr(a, "cases", []), 4, element="activity")
        L.append("  </activities>")
        L.append("  <evaluation>")
        qn = 0
        for oid in objectives + r.sample(objectives, r.randint(0, min(2, nobj))):
            qn += 1
            L += self.question_xml("q-m%d-%d" % (k, qn), 4, assesses=oid)
        L.append("  </evaluation>")
        L.append("</module>")
        path = "modules/%s.xml" % tslug
        self.files[path] = "\n".join(L) + "\n"
        return {"id": mid, "k": k, "path": path, "activities": activities, "title": (ten, tfr)}

    def activity_xml(self, a, resources, cases, indent, element):
        r, tx = self.rng, self.text
        pad = " " * indent
        en, fr = r.choice(ACTIVITY_TITLES.get(a.kind, ACTIVITY_TITLES["plenary"]))
        attrs = 'id="%s" kind="%s" duration="%s"' % (a.id, a.kind, iso(a.minutes))
        if element == "activity":
            attrs += ' min="%s" max="%s"' % (iso(max(15, a.minutes - 15)), iso(a.minutes + r.choice([0, 15])))
        if a.develops:
            attrs += ' develops="%s"' % " ".join(a.develops)
        if resources:
            attrs += ' resources="%s"' % " ".join(resources)
        if cases:
            attrs += ' cases="%s"' % " ".join(cases)
        grouping = {"input": "plenary", "plenary": "plenary", "energiser": "plenary", "welcome": "plenary",
                    "closing": "plenary", "evaluation": "individual"}.get(a.kind, r.choice(["small-groups", "pairs", "small-groups"]))
        # Role-plays and exercises stay unmarked, so no sensitive one follows another (SAF008).
        sensitive = element == "activity" and r.random() < 0.15 and a.kind not in ("role-play", "exercise")
        attrs += ' grouping="%s"' % grouping
        if sensitive:
            attrs += ' sensitivity="%s"' % r.choice(["medium", "high"])
        L = ["%s<%s %s>" % (pad, element, attrs)]
        if a.kind in ("break", "meal"):
            L.append(label("title", {"break": "Coffee break", "meal": "Lunch"}[a.kind],
                           {"break": "Pause café", "meal": "Déjeuner"}[a.kind], indent + 2))
            L.append("%s</%s>" % (pad, element))
            return L
        title_en, title_fr = getattr(a, "title", (en, fr))
        L.append(label("title", esc(title_en), esc(title_fr), indent + 2))
        small = element == "item"
        L.append(rich("purpose", tx, indent + 2, paragraphs=(1, 1), list_chance=0, term_chance=0.3,
                      sentences=(1, 2) if small else (2, 4)))
        if element == "activity" and a.minutes >= 30:
            nsteps = r.randint(2, 4)
            cuts = sorted(r.sample(range(5, a.minutes, 5), nsteps - 1))
            parts = [b - c for c, b in zip([0] + cuts, cuts + [a.minutes])]
            L.append('%s  <steps for="facilitator">' % pad)
            for p in parts:
                L.append('%s    <step duration="%s">%s</step>' % (pad, iso(p), tx.sentence()[0]))
            L.append("%s  </steps>" % pad)
        if a.kind in ("group-work", "case-discussion", "role-play", "exercise", "site-visit") or r.random() < 0.4:
            L.append(rich("participant-instructions", tx, indent + 2, paragraphs=(1, 1) if small else (1, 3),
                          list_chance=0.4, sentences=(1, 3) if small else (2, 4)))
        L.append(rich("facilitator-notes", tx, indent + 2, paragraphs=(1, 1) if small else (1, 2), translate=False,
                      list_chance=0.1, sentences=(1, 3) if small else (2, 4)))
        if element == "activity":
            L.append('%s  <debrief for="all">' % pad)
            for _ in range(r.randint(1, 3)):
                q = tx.question()
                L.append(label("question", q[0], q[1], indent + 4))
            L.append("%s  </debrief>" % pad)
            if r.random() < 0.5:
                L.append(rich("variant", tx, indent + 2, attrs=' mode="online" for="facilitator"', paragraphs=(1, 1),
                              translate=False, list_chance=0))
            if sensitive:
                L.append(rich("sensitivity-note", tx, indent + 2, paragraphs=(1, 1), translate=False, list_chance=0))
        L.append("%s</%s>" % (pad, element))
        return L

    def question_xml(self, qid, indent, assesses=None):
        r, tx = self.rng, self.text
        pad = " " * indent
        qtype = r.choice(["single", "single", "multiple", "open", "likert", "scale"])
        attrs = 'id="%s" type="%s"' % (qid, qtype)
        if assesses:
            attrs += ' assesses="%s"' % assesses
        q = tx.question()
        L = ["%s<question %s>" % (pad, attrs), label("text", q[0], q[1], indent + 2)]
        if qtype in ("single", "multiple"):
            count = r.randint(2, 4)
            # A knowledge check has its key (PED013): one right option, or one or two for multiple choice.
            correct = set(r.sample(range(count), 1 if qtype == "single" else r.randint(1, min(2, count))))
            for index in range(count):
                o = tx.short()
                option = label("option", o[0], o[1], indent + 2)
                if index in correct:
                    option = option.replace("<option>", '<option correct="true">', 1)
                L.append(option)
        L.append("%s</question>" % pad)
        return L

    def build_case(self, cid):
        r, tx = self.rng, self.text
        country, city, _ = r.choice(CITIES)
        year = r.randint(2012, 2024)
        sensitivity = r.choice(["low", "medium", "medium", "high"])
        anonymised = r.choice(["yes", "not-applicable", "no"])
        consent = r.choice(["obtained", "public-source"]) if anonymised == "no" else r.choice(["obtained", "public-source", "not-required"])
        title = tx.short()
        L = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<case-study xmlns="%s" xml:lang="en"' % NS,
             '            id="%s" country="%s" city="%s" year="%d"' % (cid, country, city, year),
             '            sensitivity="%s" anonymised="%s" consent="%s" for="all">' % (sensitivity, anonymised, consent),
             label("title", "%s: %s" % (city, title[0]), "%s : %s" % (city, title[1]), 2),
             rich("summary", tx, 2, paragraphs=(1, 1), list_chance=0)]
        if sensitivity == "high":
            L.append(rich("content-warning", tx, 2, paragraphs=(1, 1), list_chance=0))
        for part in ("context", "approach", "impact", "lessons"):
            L.append(rich(part, tx, 2, paragraphs=(1, 2), list_chance=0.4))
        L.append("  <discussion>")
        for _ in range(r.randint(2, 3)):
            q = tx.question()
            L.append(label("question", q[0], q[1], 4))
        L.append("  </discussion>")
        L.append(rich("facilitator-notes", tx, 2, paragraphs=(1, 1), translate=False, list_chance=0))
        L.append("  <sources>")
        L.append('    <source href="https://example.org/cases/%s" date="%d">%s city report, %d</source>' % (cid, year, city, year))
        L.append("  </sources>")
        L.append("</case-study>")
        fname = "%s-%s.xml" % (slug(city), cid)
        self.files["cases/" + fname] = "\n".join(L) + "\n"
        return fname

    # ------------------------------------------------------------------ session
    def build_session(self, n, modules, nsessions):
        r, tx = self.rng, self.text
        sid = "s%d" % n
        # round robin over the session's modules so every module is placed early
        queues = [list(m["activities"]) for m in modules]
        queue = []
        while any(queues):
            for q in queues:
                if q:
                    queue.append(q.pop(0))
        total = sum(a.minutes for a in queue)
        ndays = max(1, min(3, -(-total // 300)))
        placed = []
        counters = {}

        def item(kind, minutes, name, title=None, develops=(), resources=()):
            counters[name] = counters.get(name, 0) + 1
            a = Activity("%s-%s-%d" % (sid, name, counters[name]), kind, minutes, None)
            a.develops = list(develops)
            a.resources = list(resources)
            if title:
                a.title = title
            return a

        days = []
        for d in range(1, ndays + 1):
            first_day, last_day = d == 1, d == ndays
            # pauses: 4 blocks with 3 pauses, or 5 blocks with 4 pauses; all blocks 45..90 minutes
            while True:
                nblocks = r.choice([4, 5, 5])
                pauses = [r.choice([15, 15, 30])] + [r.choice([45, 60, 60, 75])] + \
                         [r.choice([15, 15, 30]) for _ in range(nblocks - 3)]
                work = DAY_MINUTES - sum(pauses)
                if 45 * nblocks <= work <= MAX_STRETCH * nblocks:
                    break
            blocks = [45] * nblocks
            spare = (work - 45 * nblocks) // 15
            while spare:
                i = r.randrange(nblocks)
                if blocks[i] < MAX_STRETCH:
                    blocks[i] += 15
                    spare -= 1
            lunch_after = 1  # the meal follows the second block
            agenda = []  # list of ("item", Activity) or ("use", Activity)
            for b, capacity in enumerate(blocks):
                head, tail = [], []
                if b == 0:
                    if first_day:
                        head.append(item("welcome", 30, "welcome",
                                         ("Welcome, introductions and expectations", "Accueil, présentations et attentes")))
                    else:
                        head.append(item("plenary", 15, "recap", ("Recap of the previous day", "Rappel de la veille")))
                if b == lunch_after + 1:
                    head.append(item("energiser", 15, "energiser", ("Energiser", "Activité de redynamisation"),
                                     resources=["res-energisers"]))
                if b == nblocks - 1:
                    if last_day:
                        tail.append(item("evaluation", 15, "evaluation", ("Session evaluation", "Évaluation de la session"),
                                         resources=["res-evaluation-form"]))
                        tail.append(item("closing", 15, "closing", ("Closing and personal action plans",
                                                                     "Clôture et plans d'action personnels"),
                                         resources=["res-action-plan"]))
                    else:
                        tail.append(item("plenary", 15, "review", ("Review of the day", "Bilan de la journée")))
                room = capacity - sum(a.minutes for a in head + tail)
                middle = []
                i = 0
                while i < len(queue) and room > 0:
                    if queue[i].minutes <= room:
                        a = queue.pop(i)
                        middle.append(("use", a))
                        placed.append(a)
                        room -= a.minutes
                    else:
                        i += 1
                if room > 0:
                    kind = "energiser" if room == 15 else r.choice(["plenary", "exercise", "group-work"])
                    dev = [r.choice([x for m in placed for x in m.develops])] if placed and kind != "energiser" else []
                    middle.append(("item", item(kind, room, kind,
                                                ("Sharing what works", "Partager ce qui fonctionne") if kind != "energiser"
                                                else ("Energiser", "Activité de redynamisation"),
                                                develops=dev,
                                                resources=["res-energisers"] if kind == "energiser" else [])))
                agenda += [("item", a) for a in head] + middle + [("item", a) for a in tail]
                if b < nblocks - 1:
                    p = pauses[b]
                    kind = "meal" if b == lunch_after else "break"
                    agenda.append(("item", item(kind, p, "lunch" if kind == "meal" else "break")))
            assert sum(a.minutes for _, a in agenda) == DAY_MINUTES, (self.folder, sid, d)
            days.append(agenda)

        used_modules = {a.module_id for a in placed}
        objectives = []
        for a in placed:
            for o in a.develops:
                if o not in objectives:
                    objectives.append(o)
        for _, agenda in enumerate(days):
            for kind, a in agenda:
                if kind == "item":
                    for o in a.develops:
                        if o not in objectives:
                            objectives.append(o)
        if not used_modules.issuperset(m["id"] for m in modules):
            raise RetryCurriculum()

        L = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<session xmlns="%s" xml:lang="en" format-version="1.0"' % NS]
        attrs = '         id="%s" number="%d" days="%d" audience="%s"' % (
            sid, n, ndays, " ".join("aud-" + a[0] for a in self.audiences))
        if n > 1 and r.random() < 0.5:
            attrs += ' prerequisites="s%d"' % (n - 1)
        L.append(attrs)
        L.append('         translations="fr">')
        L.append(label("title", "Session %d: %s" % (n, esc(modules[0]["title"][0])),
                       "Session %d : %s" % (n, esc(modules[0]["title"][1])), 2))
        L.append(rich("summary", tx, 2, paragraphs=(1, 2), list_chance=0))
        L.append('  <objectives-ref refs="%s"/>' % " ".join(objectives))
        L.append("  <preparation>")
        for lead, owner in [("P42D", "organiser"), ("P28D", "organiser"), ("P14D", "organiser"), ("P7D", "facilitator"),
                            ("P1D", "facilitator")][: r.randint(2, 5)]:
            s = tx.sentence()
            L.append(label("task", s[0], s[1], 4, attrs=' lead-time="%s" owner="%s"' % (lead, owner)))
        L.append("  </preparation>")
        L.append("  <materials>")
        for en, fr, per in r.sample(MATERIALS, r.randint(2, 5)):
            L.append(label("material", en, fr, 4, attrs=' quantity="%d" per="%s"' % (r.randint(1, 20), per)))
        L.append("  </materials>")
        L.append(rich("room", tx, 2, paragraphs=(1, 1), list_chance=0, term_chance=0))
        for d, agenda in enumerate(days, start=1):
            L.append("")
            L.append('  <day n="%d" nominal-start="09:00" ends="17:00">' % d)
            t = tx.short()
            L.append(label("title", "Day %d: %s" % (d, t[0]), "Jour %d : %s" % (d, t[1]), 4))
            L.append("    <agenda>")
            for kind, a in agenda:
                if kind == "use":
                    L.append('      <use module="%s" activity="%s"/>' % (a.module_id, a.id))
                else:
                    L += self.activity_xml(a, getattr(a, "resources", []), [], 6, element="item")
            L.append("    </agenda>")
            L.append("  </day>")
        L.append("")
        L.append("  <evaluation>")
        L.append('    <instrument id="ev-%s-pre" kind="pre" for="participant">' % sid)
        L.append(label("title", "Before we start", "Avant de commencer", 6))
        for j in range(1, r.randint(1, 2) + 1):
            L += self.question_xml("q-%s-pre-%d" % (sid, j), 6)
        L.append("    </instrument>")
        L.append('    <instrument id="ev-%s-post" kind="post" for="participant">' % sid)
        L.append(label("title", "End-of-session questionnaire", "Questionnaire de fin de session", 6))
        for m in modules:
            L.append('      <questions-from module="%s"/>' % m["id"])
        for j in range(1, r.randint(2, 3) + 1):
            L += self.question_xml("q-%s-post-%d" % (sid, j), 6)
        L.append("    </instrument>")
        L.append("  </evaluation>")
        L.append("</session>")
        path = "sessions/%s.xml" % sid
        self.files[path] = "\n".join(L) + "\n"
        return {"id": sid, "path": path, "days": ndays}

    # ------------------------------------------------------------------ delivery
    def build_delivery(self, sessions):
        r = self.rng
        country, city, tz = r.choice(CITIES)
        year = r.randint(2026, 2029)
        did = "d-%s-%d" % (slug(city), year)
        L = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<delivery xmlns="%s" xml:lang="en" format-version="1.0"' % NS,
             '          id="%s" programme="%s" timezone="%s">' % (did, self.pid, tz),
             label("title", "%s training cycle, %s %d" % (esc(self.name_en), city, year),
                   "Cycle de formation %s, %s %d" % (esc(self.name_fr), city, year), 2),
             "  <venue>",
             "    <name>Host city training centre, %s</name>" % city,
             "    <address>%s</address>" % city,
             "  </venue>",
             '  <facilitator role="lead">Lead facilitator</facilitator>',
             '  <facilitator role="co-facilitator">Co-facilitator from a partner city</facilitator>']
        month = r.randint(1, 3)
        for s in sessions:
            L.append('  <session-run session="%s" date="%d-%02d-%02d" day-start="09:00"/>' % (s["id"], year, month, r.randint(1, 20)))
            month += r.randint(1, 3)
            if month > 12:
                break
        L.append("</delivery>")
        path = "deliveries/%s-%d.xml" % (slug(city), year)
        self.files[path] = "\n".join(L) + "\n"
        return path

    # ------------------------------------------------------------------ programme
    def write_programme(self, modules, sessions, delivery):
        r, tx = self.rng, self.text
        L = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<programme xmlns="%s" xml:lang="en" format-version="1.0"' % NS,
             '           id="%s" revision="%d" status="published">' % (self.pid, r.randint(1, 9)),
             "  <meta>",
             label("title", esc(self.name_en), esc(self.name_fr), 4),
             label("subtitle", "A training programme for local authorities and their partners",
                   "Un programme de formation pour les collectivités locales et leurs partenaires", 4),
             "    <code>%s</code>" % self.code,
             rich("summary", tx, 4, paragraphs=(1, 3), list_chance=0, term_chance=0.3),
             "    <provenance><p>Generated for the benchmark from invented text; no real body produced it."
             "</p><t xml:lang=\"fr\"><p>Produit pour le banc d'essai à partir de textes inventés ; aucun organisme"
             " réel ne l'a produit.</p></t></provenance>",
             "    <owner>CurriculumKit benchmark</owner>",
             "    <keywords>"]
        for t in self.topics:
            L.append("      <keyword>%s</keyword>" % esc(t[1].lower()))
        L.append("    </keywords>")
        L.append('    <languages source="en" translations="fr"/>')
        L.append("  </meta>")
        L.append("")
        L.append("  <audiences>")
        for aslug, en, fr, sector in self.audiences:
            L.append('    <audience id="aud-%s" role="participant">' % aslug)
            L.append(label("name", esc(en), esc(fr), 6))
            L.append(rich("description", tx, 6, paragraphs=(1, 1), list_chance=0, term_chance=0))
            L.append("      <profile>")
            L.append("        <sector>%s</sector>" % sector)
            L.append("        <background>%s</background>" % tx.sentence()[0])
            L.append("        <prior-knowledge>%s</prior-knowledge>" % tx.sentence()[0])
            L.append("        <needs>%s</needs>" % tx.sentence()[0])
            L.append("      </profile>")
            lo = r.randint(2, 6)
            L.append('      <group-size min="%d" max="%d"/>' % (lo, lo + r.randint(4, 10)))
            L.append("    </audience>")
        for aslug, role, en, fr in [("trainers", "facilitator", "Facilitators", "Formateurs"),
                                    ("organisers", "organiser", "Organising team", "Équipe d'organisation")]:
            L.append('    <audience id="aud-%s" role="%s">' % (aslug, role))
            L.append(label("name", en, fr, 6))
            L.append(rich("description", tx, 6, paragraphs=(1, 1), list_chance=0, term_chance=0))
            L.append("    </audience>")
        L.append("  </audiences>")
        L.append("")
        L.append("  <resources>")
        for rid, kind, fname, en, fr in self.PROGRAMME_RESOURCES:
            L.append('    <resource id="%s" kind="%s" href="handouts/%s" media-type="text/markdown"' % (rid, kind, fname))
            L.append('              for="%s" print="yes" copies-per="participant" xml:lang="en">'
                     % ("participant" if rid != "res-energisers" else "all"))
            L.append(label("title", esc(en), esc(fr), 6))
            L.append(rich("description", tx, 6, paragraphs=(1, 1), list_chance=0, term_chance=0))
            L.append("    </resource>")
        L.append("  </resources>")
        L.append("")
        L.append("  <glossary>")
        for gid, en, fr in self.glossary:
            L.append('    <entry id="%s">' % gid)
            L.append(label("term", esc(en), esc(fr), 6))
            L.append(rich("definition", tx, 6, paragraphs=(1, 1), list_chance=0, term_chance=0))
            L.append("    </entry>")
        L.append("  </glossary>")
        L.append("")
        L.append("  <modules>")
        for m in modules:
            L.append('    <include href="%s" expect="module"/>' % m["path"])
        L.append("  </modules>")
        L.append("")
        L.append("  <sessions>")
        for s in sessions:
            L.append('    <include href="%s" expect="session"/>' % s["path"])
        L.append("  </sessions>")
        if delivery:
            L.append("")
            L.append("  <deliveries>")
            L.append('    <include href="%s" expect="delivery"/>' % delivery)
            L.append("  </deliveries>")
        L.append("</programme>")
        self.files["%s.xml" % self.slug] = "\n".join(L) + "\n"

    def write(self, out):
        base = os.path.join(out, self.folder)
        xml_bytes = 0
        xml_files = 0
        for rel, content in sorted(self.files.items()):
            path = os.path.join(base, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            data = content.encode("utf-8")
            with open(path, "wb") as f:
                f.write(data)
            if rel.endswith(".xml"):
                xml_bytes += len(data)
                xml_files += 1
        return xml_bytes, xml_files


class RetryCurriculum(Exception):
    """A generated curriculum broke an invariant (a module left unplaced); it is rebuilt with another draw."""


def make_curriculum(seed, index):
    for attempt in range(50):
        try:
            return Curriculum("%s/%d" % (seed, attempt) if attempt else seed, index).build()
        except RetryCurriculum:
            continue
    raise SystemExit("could not generate curriculum %d" % index)


# ---------------------------------------------------------------------------------------------- hostile inputs

def write_hostile(out):
    os.makedirs(out, exist_ok=True)
    root_open = '<programme xmlns="%s" xml:lang="en" format-version="1.0" id="hostile">' % NS
    # Billion laughs: ten levels of ten references each, 10^9 "lol"s (3 GB) if expanded.
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<!DOCTYPE programme [", '  <!ENTITY lol0 "lol">']
    for level in range(1, 10):
        lines.append('  <!ENTITY lol%d "%s">' % (level, ("&lol%d;" % (level - 1)) * 10))
    lines += ["]>", root_open, "  <meta><title>&lol9;</title></meta>", "</programme>"]
    laughs = "\n".join(lines) + "\n"
    # Quadratic blowup: one 100 KB entity referenced 20,000 times (2 GB if expanded), no nesting at all, so
    # libxml2's entity-amplification checks on nested entities do not apply.
    body = "a" * (100 * 1024)
    refs = "\n".join("&a;" * 100 for _ in range(200))  # 20,000 references
    quadratic = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE programme [\n  <!ENTITY a "%s">\n]>\n%s\n'
                 "  <meta><title>%s</title></meta>\n</programme>\n" % (body, root_open, refs))
    written = {}
    for name, content in [("billion-laughs.xml", laughs), ("quadratic-blowup.xml", quadratic)]:
        path = os.path.join(out, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)
        written[name] = len(content.encode("utf-8"))
    for name, size in written.items():
        print("%s: %d bytes" % (os.path.join(out, name), size))


# ---------------------------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", default="1", help="corpus seed (default 1)")
    ap.add_argument("--target-mb", type=float, default=10.0,
                    help="stop once the .xml files total at least this many MB (10^6 bytes); default 10")
    ap.add_argument("--count", type=int, help="write exactly this many curricula instead of a size target")
    ap.add_argument("--out", help="output folder (replaced if it exists)")
    ap.add_argument("--hostile", metavar="DIR", help="only write the hostile inputs (billion laughs, quadratic blowup) to DIR")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()

    if args.hostile:
        write_hostile(args.hostile)
        return
    if not args.out:
        ap.error("--out is required")

    out = args.out.rstrip("/")
    tmp = out + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    target = int(args.target_mb * 1_000_000)
    total_bytes = total_files = count = 0
    while (count < args.count) if args.count is not None else (total_bytes < target):
        count += 1
        c = make_curriculum(args.seed, count)
        b, f = c.write(tmp)
        total_bytes += b
        total_files += f
        if not args.quiet and count % 50 == 0:
            print("  %d curricula, %.1f MB" % (count, total_bytes / 1e6), file=sys.stderr)
    manifest = {"seed": args.seed, "target_mb": None if args.count is not None else args.target_mb,
                "curricula": count, "xml_files": total_files, "xml_bytes": total_bytes}
    with open(os.path.join(tmp, "corpus.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    shutil.rmtree(out, ignore_errors=True)
    os.rename(tmp, out)
    if not args.quiet:
        print("%s: %d curricula, %d .xml files, %.2f MB of XML" % (out, count, total_files, total_bytes / 1e6))


if __name__ == "__main__":
    main()
