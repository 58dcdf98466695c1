import CurriculumKit
import CurriculumModel
import Foundation

/// What the preview server serves: the last rendering of each session's pages, the findings of the last
/// validation, and the browsers waiting to be told that both changed.
actor PreviewSite {
    /// One rendering: every file of every session's pack, and the findings.
    struct Rendering: Sendable {
        var title = ""
        /// Session ID → its title and the pack's files (path inside the pack → bytes and media type).
        var sessions: [(id: String, title: String, files: [String: (bytes: [UInt8], mediaType: String?)])] = []
        var diagnostics: [Diagnostic] = []
        /// Why nothing could be rendered, when that is so (the curriculum has errors, an exporter failed).
        var problem: String?
        /// Session ID → what its pages were made from: the programme with that session alone. A session whose
        /// source is unchanged after a save keeps its pages instead of being rendered again.
        var sources: [String: Curriculum] = [:]
        /// Session ID → what the exporter noted while rendering it, kept with its pages.
        var notes: [String: [Diagnostic]] = [:]
        /// The sessions rendered this time (the others kept their pages).
        var rendered: [String] = []
        /// How long validating and rendering took, for the terminal.
        var validationTime: Duration = .zero
        var renderingTime: Duration = .zero

        /// Drops the pages just made, so that those of the last good rendering stay up (see ``publish(_:)``).
        mutating func withdrawPages() {
            sessions = []
            sources = [:]
            notes = [:]
            rendered = []
        }
    }

    private(set) var rendering = Rendering()
    private(set) var generation = 0
    private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]
    /// HTML pages served so far: a page that reloads itself after a change shows up here.
    private(set) var pagesServed = 0

    /// Counts one HTML page served.
    func servedPage() {
        pagesServed += 1
    }

    /// `/status.json`: the rendering's generation, the browsers listening for changes, the pages served.
    func status() -> String {
        "{\"generation\": \(generation), \"listeners\": \(listeners.count), \"pagesServed\": \(pagesServed)}\n"
    }

    /// Replaces the rendering and tells every browser to reload. When the new rendering has a problem, the
    /// pages of the last good one are kept and shown with it.
    func publish(_ new: Rendering) {
        var next = new
        if new.problem != nil && new.sessions.isEmpty {
            next.sessions = rendering.sessions
            next.sources = rendering.sources
            next.notes = rendering.notes
        }
        if next.title.isEmpty { next.title = rendering.title }
        rendering = next
        generation += 1
        for listener in listeners.values { listener.yield(generation) }
    }

    /// A stream of generation numbers, one each time the rendering changes.
    func subscribe() -> AsyncStream<Int> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        listeners[id] = continuation
        return stream
    }

    private func unsubscribe(_ id: UUID) {
        listeners[id] = nil
    }
}
