import CurriculumModel

extension Resource {
    /// The name of the file a pack would hold for this resource: the last part of its href. `nil` when it has no
    /// href or is external (nothing is packed).
    var packedFileName: String? {
        guard let href, !isExternal else { return nil }
        return href.split(separator: "/").last.map(String.init) ?? href
    }
}
