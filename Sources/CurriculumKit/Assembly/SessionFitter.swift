public import CurriculumModel

/// Fits chosen activities into a time budget per day by shortening them towards their `min=` durations, evenly,
/// as little as needed; when even the shortest versions do not fit, says what to drop or shorten, by how much
/// each would save.
public struct SessionFitter: Sendable {
    public var assembler = SessionAssembler()

    public init() {}

    /// One way to save time: leaving an activity out, or shortening it to its minimum.
    public struct Saving: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case drop, shorten }
        public var kind: Kind
        public var activity: String
        public var module: String
        public var minutes: Int
        /// Whether this change alone makes the session fit.
        public var isEnough: Bool
    }

    /// Lays the request out, shortening activities within their ranges when `shorten` is true.
    ///
    /// - Throws: ``SessionAssembler/Refusal`` whose message ends with the savings that would make it fit.
    public func fit(
        _ request: SessionAssembler.Request, from curriculum: Curriculum, shorten: Bool
    ) throws(SessionAssembler.Refusal) -> SessionAssembler.Result {
        let refusal: SessionAssembler.Refusal
        do throws(SessionAssembler.Refusal) {
            return try assembler.assemble(request, from: curriculum)
        } catch {
            refusal = error
        }
        let selected = try assembler.selection(request, from: curriculum)
        guard selected.allSatisfy({ $0.activity.minutes != nil }) else { throw refusal }
        if shorten, let fitted = shortest(request, selected: selected, curriculum: curriculum) {
            return fitted
        }
        var reason = refusal
        if shorten {
            // Say what is left over once everything is as short as it can be, not before.
            do throws(SessionAssembler.Refusal) {
                _ = try assembler.assemble(shortened(request, selected, by: 1), from: curriculum)
            } catch {
                reason = error
            }
        }
        let savings = self.savings(request, selected: selected, curriculum: curriculum, shortened: shorten)
        throw SessionAssembler.Refusal(message: reason.message + Self.describe(savings, shortened: shorten))
    }

    /// The request with every activity shortened by the same share `t` of its range (0 none, 1 to its minimum),
    /// in whole five minutes.
    private func shortened(
        _ request: SessionAssembler.Request, _ selected: [SessionAssembler.Selected], by t: Double
    )
        -> SessionAssembler.Request
    {
        var request = request
        for item in selected {
            guard let nominal = item.activity.minutes, let low = Self.minimum(of: item.activity), low < nominal else {
                continue
            }
            let cut = Int((Double(nominal - low) * t / 5).rounded(.up)) * 5
            request.minutes[item.activity.id] = max(low, nominal - cut)
        }
        return request
    }

    /// The layout with the least shortening that fits, found by halving the share of the range used.
    private func shortest(
        _ request: SessionAssembler.Request, selected: [SessionAssembler.Selected], curriculum: Curriculum
    ) -> SessionAssembler.Result? {
        guard var best = try? assembler.assemble(shortened(request, selected, by: 1), from: curriculum) else {
            return nil
        }
        var low = 0.0
        var high = 1.0
        for _ in 0..<8 {
            let middle = (low + high) / 2
            if let result = try? assembler.assemble(shortened(request, selected, by: middle), from: curriculum) {
                best = result
                high = middle
            } else {
                low = middle
            }
        }
        return best
    }

    /// Every activity that could be dropped, and (when not already shortened) every one that could be shortened,
    /// with the minutes each saves, largest first.
    func savings(
        _ request: SessionAssembler.Request, selected: [SessionAssembler.Selected], curriculum: Curriculum,
        shortened: Bool
    ) -> [Saving] {
        let base = shortened ? self.shortened(request, selected, by: 1) : request
        var savings: [Saving] = []
        for item in selected {
            let id = item.activity.id
            let current = base.minutes[id] ?? item.activity.minutes ?? 0
            var without = base
            without.excluded.insert(id)
            savings.append(
                Saving(
                    kind: .drop, activity: id, module: item.module, minutes: current,
                    isEnough: (try? assembler.assemble(without, from: curriculum)) != nil))
            if !shortened, let low = Self.minimum(of: item.activity), low < current {
                var shorter = base
                shorter.minutes[id] = low
                savings.append(
                    Saving(
                        kind: .shorten, activity: id, module: item.module, minutes: current - low,
                        isEnough: (try? assembler.assemble(shorter, from: curriculum)) != nil))
            }
        }
        return savings.sorted { ($1.minutes, $0.activity) < ($0.minutes, $1.activity) }
    }

    static func minimum(of activity: Activity) -> Int? {
        activity.minDuration.flatMap { ISODuration($0)?.minutes }
    }

    private static func describe(_ savings: [Saving], shortened: Bool) -> String {
        guard !savings.isEmpty else { return "" }
        var text =
            shortened
            ? "\neven with every activity at its min= it does not fit; to make room, by time saved:"
            : "\nto make room, by time saved:"
        let shown = savings.prefix(12)
        for saving in shown {
            let time = ISODuration(minutes: saving.minutes).humanReadable
            let what =
                switch saving.kind {
                case .drop: "drop \(saving.activity) (\(saving.module))"
                case .shorten: "shorten \(saving.activity) (\(saving.module)) to its min= (--fit does this)"
                }
            text += "\n  \(what): saves \(time)\(saving.isEnough ? " — enough on its own" : "")"
        }
        if savings.count > shown.count { text += "\n  … and \(savings.count - shown.count) more" }
        return text
    }
}
