extension DefaultTemplates {
    /// The default `facilitator-guide.mustache`.
    ///
    /// Context keys (see `FacilitatorGuide.swift`): `lang`, `pageTitle`, `styles`, `t.*` (the page's words),
    /// `programmeTitle`, `programmeSubtitle`, `programmeCode`, `sessionLabel`, `sessionTitle`, `coverFacts`
    /// [`label`, `value`], `facilitators` [`name`, `role`], `toc` [`anchor`, `title`], `summaryHtml`,
    /// `provenanceHtml`, `fictionalDelivery`,
    /// `programmeFacts`, `objectives` [`anchor`, `id`, `text`, `domain`, `level`], `audiences` [`name`, `role`,
    /// `descriptionHtml`, `facts`], `preparation` [`when`, `due`, `task`, `owner`], `hasDueDates`, `roomHtml`,
    /// `materials` [`text`, `quantity`, `total`], `printList` and `resources` [`title`, `kind`, `href`, `file`,
    /// `note`, `per`, `total`, `usedIn`, `descriptionHtml`], `headcounts`, `groupNote`, `days` [`anchor`,
    /// `heading`, `title`, `span`, `timelineSvg`, `legend`, `slots`], `timesNote`, `activities` (one per agenda
    /// item with a page), `caseStudies`, `instruments`, `glossary`, `generator`.
    /// Keys ending in `Html` or `Svg` are markup built from escaped text: insert them with `{{{…}}}`.
    static let facilitatorGuide = #"""
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{pageTitle}}</title>
        <style>
        {{{styles}}}
        </style>
        </head>
        <body class="guide">
        <header class="cover">
        <p class="kicker">{{t.facilitatorGuide}} · {{programmeHeading}}</p>
        <h1>{{sessionHeading}}</h1>
        {{#programmeSubtitle}}<p class="subtitle">{{.}}</p>{{/programmeSubtitle}}
        <dl class="facts cover-facts">
        {{#coverFacts}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>
        {{/coverFacts}}
        {{^empty(facilitators)}}<div><dt>{{t.facilitators}}</dt><dd><ul class="plain">{{#facilitators}}<li>{{name}}{{#role}} <span class="muted">({{.}})</span>{{/role}}</li>{{/facilitators}}</ul></dd></div>{{/empty(facilitators)}}
        </dl>
        {{#provenanceHtml}}<aside class="provenance"><p class="provenance-label">{{t.aboutThisMaterial}}</p>
        {{{.}}}{{#fictionalDelivery}}<p>{{t.fictionalDelivery}}</p>{{/fictionalDelivery}}</aside>{{/provenanceHtml}}
        {{^provenanceHtml}}{{#fictionalDelivery}}<aside class="provenance"><p>{{t.fictionalDelivery}}</p></aside>{{/fictionalDelivery}}{{/provenanceHtml}}
        </header>

        <nav class="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">{{t.contents}}</h2>
        <ol>
        {{#toc}}<li><a href="#{{anchor}}">{{title}}</a></li>
        {{/toc}}
        </ol>
        </nav>

        <main>
        {{#hasOverview}}
        <section id="overview" aria-labelledby="overview-heading">
        <h2 id="overview-heading">{{t.overview}}</h2>
        {{{summaryHtml}}}
        {{^empty(programmeFacts)}}<dl class="facts">{{#programmeFacts}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/programmeFacts}}</dl>{{/empty(programmeFacts)}}
        </section>
        {{/hasOverview}}

        {{^empty(objectives)}}
        <section id="objectives" aria-labelledby="objectives-heading">
        <h2 id="objectives-heading">{{t.objectives}}</h2>
        <ol class="objectives">
        {{#objectives}}<li id="{{anchor}}">{{text}} <span class="muted">({{domain}}{{#level}}, {{.}}{{/level}})</span></li>
        {{/objectives}}
        </ol>
        </section>
        {{/empty(objectives)}}

        {{^empty(audiences)}}
        <section id="audience" aria-labelledby="audience-heading">
        <h2 id="audience-heading">{{t.audience}}</h2>
        {{#audiences}}
        <div class="audience">
        <h3>{{name}} <span class="muted">· {{role}}</span></h3>
        {{{descriptionHtml}}}
        {{^empty(facts)}}<dl class="facts">{{#facts}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/facts}}</dl>{{/empty(facts)}}
        </div>
        {{/audiences}}
        </section>
        {{/empty(audiences)}}

        {{#hasPreparation}}
        <section id="preparation" aria-labelledby="preparation-heading">
        <h2 id="preparation-heading">{{t.preparation}}</h2>
        {{^empty(preparation)}}
        <table class="checklist">
        <thead><tr><th scope="col" class="tick">{{t.done}}</th><th scope="col">{{t.when}}</th>{{#hasDueDates}}<th scope="col">{{t.dueBy}}</th>{{/hasDueDates}}<th scope="col">{{t.task}}</th><th scope="col">{{t.who}}</th></tr></thead>
        <tbody>
        {{#preparation}}<tr><td class="tick"><span class="box" aria-hidden="true"></span></td><td class="nowrap">{{when}}</td>{{#hasDueDates}}<td class="nowrap">{{due}}</td>{{/hasDueDates}}<td{{#lang}} lang="{{.}}"{{/lang}}>{{task}}</td><td>{{owner}}</td></tr>
        {{/preparation}}
        </tbody>
        </table>
        {{/empty(preparation)}}
        {{#roomHtml}}
        <h3>{{t.room}}</h3>
        {{{.}}}
        {{/roomHtml}}
        </section>
        {{/hasPreparation}}

        {{#hasMaterials}}
        <section id="materials" aria-labelledby="materials-heading">
        <h2 id="materials-heading">{{t.materials}}</h2>
        {{^empty(headcounts)}}<dl class="facts inline-facts">{{#headcounts}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/headcounts}}</dl>{{/empty(headcounts)}}
        {{#groupNote}}<p class="note">{{.}}</p>{{/groupNote}}
        {{^empty(materials)}}
        <h3>{{t.materialsList}}</h3>
        <table>
        <thead><tr><th scope="col">{{t.item}}</th><th scope="col">{{t.quantity}}</th><th scope="col" class="number">{{t.total}}</th></tr></thead>
        <tbody>
        {{#materials}}<tr><td{{#lang}} lang="{{.}}"{{/lang}}>{{text}}</td><td>{{quantity}}</td><td class="number">{{total}}</td></tr>
        {{/materials}}
        </tbody>
        </table>
        {{/empty(materials)}}
        {{^empty(printList)}}
        <h3>{{t.printList}}</h3>
        <table>
        <thead><tr><th scope="col">{{t.resource}}</th><th scope="col">{{t.kind}}</th><th scope="col">{{t.copies}}</th><th scope="col" class="number">{{t.total}}</th><th scope="col">{{t.file}}</th></tr></thead>
        <tbody>
        {{#printList}}<tr><td>{{title}}{{#note}} <span class="badge">{{.}}</span>{{/note}}</td><td>{{kind}}</td><td>{{per}}</td><td class="number">{{total}}</td><td>{{#href}}<a href="{{.}}">{{file}}</a>{{/href}}</td></tr>
        {{/printList}}
        </tbody>
        </table>
        {{/empty(printList)}}
        {{^empty(resources)}}
        <h3>{{t.resourcesUsed}}</h3>
        <table>
        <thead><tr><th scope="col">{{t.resource}}</th><th scope="col">{{t.kind}}</th><th scope="col">{{t.usedIn}}</th><th scope="col">{{t.file}}</th></tr></thead>
        <tbody>
        {{#resources}}<tr><td>{{title}}{{#note}} <span class="badge">{{.}}</span>{{/note}}{{#descriptionHtml}}<div class="description">{{{.}}}</div>{{/descriptionHtml}}</td><td>{{kind}}</td><td>{{usedIn}}</td><td>{{#href}}<a href="{{.}}">{{file}}</a>{{/href}}</td></tr>
        {{/resources}}
        </tbody>
        </table>
        {{/empty(resources)}}
        </section>
        {{/hasMaterials}}

        <section id="agenda" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{{t.agenda}}</h2>
        <p class="note">{{timesNote}}</p>
        {{#days}}
        <div class="day" id="{{anchor}}">
        <h3>{{heading}}{{#title}}{{t.colon}}{{.}}{{/title}}</h3>
        <p class="muted">{{span}}</p>
        {{#timelineSvg}}
        <figure class="timeline-figure">
        {{{.}}}
        <figcaption><span class="visually-hidden">{{t.legend}}{{t.colon}}</span>{{#legend}}<span class="legend-item"><span class="swatch" style="background-color: {{fill}}" aria-hidden="true"></span>{{label}}</span> {{/legend}}</figcaption>
        </figure>
        {{/timelineSvg}}
        <table class="agenda">
        <thead><tr><th scope="col" class="number">#</th><th scope="col">{{t.time}}</th><th scope="col">{{t.activity}}</th><th scope="col">{{t.kind}}</th><th scope="col" class="number">{{t.duration}}</th></tr></thead>
        <tbody>
        {{#slots}}<tr class="cat-{{category}}"><td class="number"><span class="swatch" style="background-color: {{fill}}" aria-hidden="true"></span>{{number}}</td><td class="nowrap">{{start}}–{{end}}</td><td>{{#anchor}}<a href="#{{.}}">{{title}}</a>{{/anchor}}{{^anchor}}{{title}}{{/anchor}}{{#module}} <span class="muted">· {{.}}</span>{{/module}}{{#restricted}} <span class="badge">{{.}}</span>{{/restricted}}</td><td>{{kind}}</td><td class="number nowrap">{{duration}}</td></tr>
        {{/slots}}
        </tbody>
        </table>
        </div>
        {{/days}}
        </section>

        {{^empty(activities)}}
        <section id="activities" aria-labelledby="activities-heading">
        <h2 id="activities-heading">{{t.activities}}</h2>
        {{#activities}}
        <article class="activity cat-{{category}}" id="{{anchor}}" aria-labelledby="{{anchor}}-heading">
        <h3 id="{{anchor}}-heading"><span class="activity-number">{{dayNumber}}.{{number}}</span> {{title}} <span class="time">{{time}}</span></h3>
        {{#restricted}}<p><span class="badge">{{.}}</span></p>{{/restricted}}
        <dl class="facts inline-facts">{{#facts}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/facts}}</dl>
        {{^empty(develops)}}<p class="objective-links"><strong>{{t.develops}}{{t.colon}}</strong>{{#develops}}{{#anchor}}<a href="#{{.}}">{{text}}</a>{{/anchor}}{{^anchor}}{{text}}{{/anchor}}{{^last()}}; {{/last()}}{{/develops}}</p>{{/empty(develops)}}
        {{^empty(assesses)}}<p class="objective-links"><strong>{{t.assesses}}{{t.colon}}</strong>{{#assesses}}{{#anchor}}<a href="#{{.}}">{{text}}</a>{{/anchor}}{{^anchor}}{{text}}{{/anchor}}{{^last()}}; {{/last()}}{{/assesses}}</p>{{/empty(assesses)}}
        {{#purposeHtml}}<h4>{{t.purpose}}</h4>
        {{{.}}}{{/purposeHtml}}
        {{^empty(steps)}}<h4>{{t.steps}}</h4>
        <ol class="steps">{{#steps}}<li{{#lang}} lang="{{.}}"{{/lang}}>{{text}}{{#duration}} <span class="muted">({{.}})</span>{{/duration}}</li>{{/steps}}</ol>{{/empty(steps)}}
        {{#facilitatorNotesHtml}}<h4>{{t.facilitatorNotes}}</h4>
        <div class="notes">{{{.}}}</div>{{/facilitatorNotesHtml}}
        {{#participantInstructionsHtml}}<h4>{{t.participantInstructions}}{{#participantInstructionsRestricted}} <span class="badge">{{.}}</span>{{/participantInstructionsRestricted}}</h4>
        <div class="instructions">{{{.}}}</div>{{/participantInstructionsHtml}}
        {{^empty(debrief)}}<h4>{{t.debrief}}</h4>
        <ul>{{#debrief}}<li{{#lang}} lang="{{.}}"{{/lang}}>{{text}}</li>{{/debrief}}</ul>{{/empty(debrief)}}
        {{^empty(variants)}}<h4>{{t.variants}}</h4>
        {{#variants}}<div class="variant"><p class="variant-mode">{{mode}}</p>{{{html}}}</div>{{/variants}}{{/empty(variants)}}
        {{#sensitivityNoteHtml}}<h4>{{t.sensitivityNote}}</h4>
        <div class="sensitivity">{{{.}}}</div>{{/sensitivityNoteHtml}}
        {{^empty(resources)}}<h4>{{t.resources}}</h4>
        <ul>{{#resources}}<li>{{#href}}<a href="{{.}}">{{title}}</a>{{/href}}{{^href}}{{title}}{{/href}} <span class="muted">({{kind}})</span>{{#note}} <span class="badge">{{.}}</span>{{/note}}</li>{{/resources}}</ul>{{/empty(resources)}}
        {{^empty(cases)}}<h4>{{t.cases}}</h4>
        <ul>{{#cases}}<li><a href="#{{anchor}}">{{title}}</a></li>{{/cases}}</ul>{{/empty(cases)}}
        </article>
        {{/activities}}
        </section>
        {{/empty(activities)}}

        {{^empty(caseStudies)}}
        <section id="case-studies" aria-labelledby="case-studies-heading">
        <h2 id="case-studies-heading">{{t.caseStudies}}</h2>
        {{#caseStudies}}
        <article class="case-study" id="{{anchor}}" aria-labelledby="{{anchor}}-heading">
        <h3 id="{{anchor}}-heading">{{title}}</h3>
        {{#restricted}}<p><span class="badge">{{.}}</span></p>{{/restricted}}
        <dl class="facts inline-facts">{{#facts}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/facts}}</dl>
        {{#contentWarningHtml}}<div class="warning" role="note"><h4>{{t.contentWarning}}</h4>{{{.}}}</div>{{/contentWarningHtml}}
        {{#summaryHtml}}<h4>{{t.summary}}</h4>
        {{{.}}}{{/summaryHtml}}
        {{#contextHtml}}<h4>{{t.context}}</h4>
        {{{.}}}{{/contextHtml}}
        {{#approachHtml}}<h4>{{t.approach}}</h4>
        {{{.}}}{{/approachHtml}}
        {{#impactHtml}}<h4>{{t.impact}}</h4>
        {{{.}}}{{/impactHtml}}
        {{#lessonsHtml}}<h4>{{t.lessons}}</h4>
        {{{.}}}{{/lessonsHtml}}
        {{^empty(discussion)}}<h4>{{t.discussion}}</h4>
        <ol>{{#discussion}}<li>{{text}}</li>{{/discussion}}</ol>{{/empty(discussion)}}
        {{#facilitatorNotesHtml}}<h4>{{t.facilitatorNotes}}</h4>
        <div class="notes">{{{.}}}</div>{{/facilitatorNotesHtml}}
        {{^empty(sources)}}<h4>{{t.sources}}</h4>
        <ul class="sources">{{#sources}}<li>{{#href}}<a href="{{.}}">{{text}}</a>{{/href}}{{^href}}{{text}}{{/href}}{{#date}} <span class="muted">({{.}})</span>{{/date}}</li>{{/sources}}</ul>{{/empty(sources)}}
        </article>
        {{/caseStudies}}
        </section>
        {{/empty(caseStudies)}}

        {{^empty(instruments)}}
        <section id="evaluation" aria-labelledby="evaluation-heading">
        <h2 id="evaluation-heading">{{t.evaluationPlan}}</h2>
        {{#instruments}}
        <div class="instrument" id="{{anchor}}">
        <h3>{{title}} <span class="muted">· {{kind}}</span>{{#restricted}} <span class="badge">{{.}}</span>{{/restricted}}</h3>
        <table class="questions">
        <thead><tr><th scope="col" class="number">#</th><th scope="col">{{t.question}}</th><th scope="col">{{t.type}}</th><th scope="col">{{t.assesses}}</th></tr></thead>
        <tbody>
        {{#questions}}<tr><td class="number">{{number}}</td><td>{{text}}{{^empty(options)}}<ul class="options">{{#options}}<li{{#isCorrect}} class="correct"{{/isCorrect}}>{{text}}{{#isCorrect}} <strong class="key">✓ {{t.correctAnswer}}</strong>{{/isCorrect}}{{#feedback}}<br><span class="feedback">{{t.feedback}}: {{.}}</span>{{/feedback}}</li>{{/options}}</ul>{{/empty(options)}}{{#acceptedAnswers}}<p class="key">{{t.acceptedAnswers}}: {{.}}</p>{{/acceptedAnswers}}{{#questionFeedback}}<p class="feedback">{{t.feedback}}: {{.}}</p>{{/questionFeedback}}{{#explanationHtml}}<div class="key-explanation"><p class="key">{{t.whyThisAnswer}}</p>{{{.}}}</div>{{/explanationHtml}}{{#lacksKey}}<p class="muted">{{t.noAnswerKey}}</p>{{/lacksKey}}</td><td>{{type}}</td><td class="nowrap">{{#assesses}}{{#anchor}}<a href="#{{.}}" title="{{full}}">{{text}}</a>{{/anchor}}{{^anchor}}{{text}}{{/anchor}}{{^last()}}; {{/last()}}{{/assesses}}{{#empty(assesses)}}<span class="muted">{{t.notLinked}}</span>{{/empty(assesses)}}</td></tr>
        {{/questions}}
        </tbody>
        </table>
        </div>
        {{/instruments}}
        </section>
        {{/empty(instruments)}}

        {{^empty(glossary)}}
        <section id="glossary" aria-labelledby="glossary-heading">
        <h2 id="glossary-heading">{{t.glossary}}</h2>
        <dl class="glossary">
        {{#glossary}}<dt id="{{anchor}}">{{term}}</dt><dd>{{{definitionHtml}}}</dd>
        {{/glossary}}
        </dl>
        </section>
        {{/empty(glossary)}}
        </main>
        <footer>
        <p>{{programmeHeading}} · {{sessionLabel}} · {{t.facilitatorGuide}} · {{generator}}</p>
        </footer>
        </body>
        </html>

        """#
}
