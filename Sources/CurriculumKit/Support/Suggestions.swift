/// "Did you mean" suggestions by edit distance.
enum Suggestions {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)? = nil
        for candidate in candidates where candidate != word {
            let distance = editDistance(lowered, candidate.lowercased())
            // Ties go to the first in sorted order: candidates often come from a dictionary, whose order differs
            // from one run to the next, and a hint must not.
            if let (current, shortest) = best, distance > shortest || (distance == shortest && candidate >= current) {
                continue
            }
            best = (candidate, distance)
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed = max(1, min(3, word.count / 3))
        return distance <= allowed ? candidate : nil
    }

    /// Edit distance where swapping two neighbouring characters counts as one edit (optimal string alignment),
    /// since transpositions are the most common typo.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
