/// The templates built into the binary. Each can be replaced by a file in the folder named by the `templates`
/// option (see ``TemplateSet``).
enum DefaultTemplates {
    /// The default `styles.css`, inserted into a `<style>` element of both pages: a readable screen layout and
    /// a print layout on A4 (each activity and case study on a new page in the guide; table rows kept whole).
    static let styles = #"""
        :root {
          --ink: #1b1f24;
          --muted: #5a6470;
          --rule: #d5dae0;
          --accent: #1f5d8c;
          --accent-soft: #eaf2f8;
          --warn: #8a4b00;
          --warn-soft: #fff4e0;
          --note-soft: #f3f6f0;
        }
        * { box-sizing: border-box; }
        html { font-size: 16px; }
        body {
          margin: 0 auto;
          max-width: 52rem;
          padding: 2rem 1.5rem 4rem;
          color: var(--ink);
          background: #ffffff;
          font-family: system-ui, "Segoe UI", "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif;
          line-height: 1.5;
          -webkit-print-color-adjust: exact;
          print-color-adjust: exact;
        }
        h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.5em; break-after: avoid; page-break-after: avoid; }
        h1 { font-size: 2rem; margin-top: 0.2em; }
        h2 { font-size: 1.5rem; border-bottom: 2px solid var(--accent); padding-bottom: 0.2em; color: var(--accent); }
        h3 { font-size: 1.2rem; }
        h4 { font-size: 1rem; margin-top: 1.2em; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
        p, ul, ol, dl, blockquote { margin: 0.5em 0; }
        ul, ol { padding-left: 1.5em; }
        li { margin: 0.2em 0; }
        a { color: var(--accent); }
        blockquote { margin-left: 0; padding-left: 1em; border-left: 3px solid var(--rule); color: var(--muted); }
        .muted { color: var(--muted); font-weight: normal; }
        .nowrap { white-space: nowrap; }
        .note { color: var(--muted); font-size: 0.95rem; }
        .visually-hidden {
          position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
        }
        .badge {
          display: inline-block; padding: 0 0.45em; border-radius: 0.3em; font-size: 0.8rem; font-weight: 600;
          background: var(--warn-soft); color: var(--warn); border: 1px solid #e8c58f; vertical-align: 0.1em;
        }
        .term { border-bottom: 1px dotted currentColor; text-decoration: none; color: inherit; }
        ul.plain { list-style: none; padding: 0; margin: 0; }

        /* Cover and contents */
        .cover { border-bottom: 1px solid var(--rule); padding-bottom: 1rem; }
        .provenance { border: 1px solid var(--rule); padding: 0.2em 1em; margin: 1em 0; font-size: 0.92em; }
        .provenance-label { font-weight: 600; margin-bottom: 0.2em; }
        .kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.85rem; color: var(--accent); font-weight: 600; }
        .subtitle { font-size: 1.1rem; color: var(--muted); margin-top: -0.3em; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25em 1.2em; }
        dl.facts > div { display: contents; }
        dl.facts dt { font-weight: 600; color: var(--muted); }
        dl.facts dd { margin: 0; }
        dl.inline-facts { display: flex; flex-wrap: wrap; gap: 0.15em 1.4em; font-size: 0.92rem; }
        dl.inline-facts > div { display: flex; gap: 0.3em; }
        dl.inline-facts dt::after { content: ":"; }
        :lang(fr) dl.inline-facts dt::after { content: "\00a0:"; }
        ul.plain li { margin: 0 0 0.25em; }
        .toc { background: var(--accent-soft); padding: 0.6rem 1.2rem; margin: 1.5rem 0; border-radius: 0.4rem; }
        .toc h2 { border: 0; font-size: 1.1rem; margin: 0.4em 0; }
        .toc ol { columns: 2; margin: 0.3em 0; }

        /* Tables */
        table { width: 100%; border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 0.95rem; }
        th, td { text-align: left; vertical-align: top; padding: 0.35em 0.5em; border-bottom: 1px solid var(--rule); }
        thead th { border-bottom: 2px solid var(--ink); font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.03em; }
        td.number, th.number { text-align: right; white-space: nowrap; }
        td.tick, th.tick { width: 3em; text-align: center; }
        .box { display: inline-block; width: 1em; height: 1em; border: 1.5px solid var(--ink); border-radius: 0.15em; vertical-align: -0.15em; }
        .swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 0.15em; margin-right: 0.4em; vertical-align: -0.05em; border: 1px solid rgba(0, 0, 0, 0.25); }
        table.agenda td:first-child { width: 3.5em; }
        ul.options { margin: 0.3em 0 0; font-size: 0.9rem; color: var(--muted); }
        ul.options li.correct { color: inherit; }
        .key { font-weight: 600; }
        .feedback { font-size: 0.9rem; font-style: italic; }
        .key-explanation { border-left: 3px solid var(--rule); padding-left: 0.8em; margin-top: 0.4em; font-size: 0.9rem; }

        /* Timeline */
        .timeline-figure { margin: 0.8em 0 0.6em; }
        svg.timeline { display: block; width: 100%; height: auto; font-family: inherit; }
        .timeline-figure figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.2em; }
        .legend-item { white-space: nowrap; margin-right: 0.8em; }

        /* Activities and case studies */
        .activity, .case-study, .participant-activity { border-top: 1px solid var(--rule); margin-top: 2rem; padding-top: 0.5rem; }
        .activity h3, .case-study h3, .participant-activity h3 { margin-top: 0.5em; font-size: 1.35rem; }
        .activity-number { display: inline-block; min-width: 2.2em; color: var(--accent); }
        .time { float: right; font-size: 1rem; color: var(--muted); font-weight: normal; }
        .notes { background: var(--note-soft); border-left: 4px solid #7a9a5a; padding: 0.3em 1em; }
        .instructions { background: var(--accent-soft); border-left: 4px solid var(--accent); padding: 0.3em 1em; }
        .sensitivity, .warning { background: var(--warn-soft); border-left: 4px solid var(--warn); padding: 0.3em 1em; }
        .warning h4 { margin-top: 0.5em; color: var(--warn); }
        .variant { border-left: 3px solid var(--rule); padding-left: 1em; margin: 0.5em 0; }
        .variant-mode { font-weight: 600; margin-bottom: 0.2em; }
        .objective-links { font-size: 0.92rem; }
        td .description { font-size: 0.88rem; color: var(--muted); }
        td .description p { margin: 0.2em 0 0; }
        .see { font-size: 0.95rem; }
        dl.glossary dt { font-weight: 700; margin-top: 0.8em; }
        dl.glossary dd { margin: 0.2em 0 0 1.2em; break-inside: avoid; page-break-inside: avoid; }
        dl.glossary dt { break-after: avoid; page-break-after: avoid; }

        /* Evaluation form */
        .evaluation-form { margin-bottom: 2rem; }
        fieldset.question { border: 1px solid var(--rule); border-radius: 0.4rem; margin: 0.8em 0; padding: 0.6em 1em 0.8em; break-inside: avoid; page-break-inside: avoid; }
        fieldset.question legend { float: left; width: 100%; font-weight: 600; padding: 0; margin: 0 0 0.4em; }
        fieldset.question legend + * { clear: both; }
        .question-number { color: var(--accent); }
        .hint { font-size: 0.85rem; color: var(--muted); margin: 0 0 0.4em; }
        .choices-list { display: flex; flex-direction: column; gap: 0.35em; }
        .choices-list label { display: flex; align-items: flex-start; gap: 0.5em; }
        .choices-list input { margin-top: 0.25em; }
        .choices-likert, .choices-scale { display: grid; gap: 0.3em; text-align: center; font-size: 0.9rem; }
        .choices-likert { grid-template-columns: repeat(5, 1fr); }
        .choices-scale { grid-template-columns: repeat(11, 1fr); }
        .choices-likert label, .choices-scale label { display: flex; flex-direction: column-reverse; align-items: center; gap: 0.2em; }
        input[type="radio"], input[type="checkbox"] { width: 1.05em; height: 1.05em; margin: 0; flex: none; }
        textarea { width: 100%; min-height: 6em; font: inherit; border: 1px solid var(--rule); border-radius: 0.3em; padding: 0.4em; }
        textarea::placeholder { color: #9aa3ad; }

        footer { margin-top: 3rem; padding-top: 0.6rem; border-top: 1px solid var(--rule); font-size: 0.85rem; color: var(--muted); }

        @media (max-width: 40rem) {
          body { padding: 1rem; }
          dl.facts { grid-template-columns: 1fr; }
          .toc ol { columns: 1; }
          .time { float: none; display: block; }
        }

        @page {
          size: A4; margin: 18mm 16mm 20mm 16mm;
          @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; color: #5a6470; }
        }
        @media print {
          html { font-size: 10.5pt; }
          body { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          .toc { background: none; border: 1px solid var(--rule); }
          .toc ol { columns: 2; }
          #agenda, #activities, #case-studies, #evaluation { break-before: page; page-break-before: always; }
          .day + .day { break-before: page; page-break-before: always; }
          .guide .activity, .case-study { break-before: auto; page-break-before: auto; }
          .activity h3, .case-study h3, h2, h4 { break-after: avoid; page-break-after: avoid; }
          th, td { overflow-wrap: anywhere; }
          td.number, th.number { overflow-wrap: normal; }
          tr, li, .timeline-figure, dl.facts div { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          .notes, .instructions, .sensitivity, .warning, .variant { break-inside: avoid; page-break-inside: avoid; }
          textarea { min-height: 8em; resize: none; }
          textarea::placeholder { color: transparent; }
          footer { font-size: 8pt; }
        }
        """#
}
