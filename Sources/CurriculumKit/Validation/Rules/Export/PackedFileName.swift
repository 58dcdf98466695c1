import CurriculumModel

extension Resource {
    /// The name of the file a pack would hold for this resource: the last part of its href. `nil` when it has no
    /// href or is external (nothing is packed).
    var packedFileName: String? {
        guard let href, !isExternal else { return nil }
        return href.lastPart(separatedBy: "/").map(String.init) ?? href
    }
}

extension StringProtocol {
    /// The last non-empty part between separators, as `split(separator:).last` gives it, without making the array
    /// of parts: every resource's file name and extension are read on every run.
    func lastPart(separatedBy separator: Character) -> SubSequence? {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == separator { end = index(before: end) }
        guard end > startIndex else { return nil }
        var start = end
        while start > startIndex, self[index(before: start)] != separator { start = index(before: start) }
        return self[start..<end]
    }
}
