import CurriculumPluginKit

/// The descriptor of a web link resource (`imswl_xmlv1p1`): platforms make a URL activity of it.
enum WebLink {
    static let namespace = "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1"
    static let schemaLocation = "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imswl_v1p1.xsd"

    static func descriptor(title: String, url: String) -> String {
        var xml = XMLWriter()
        xml.start(
            "webLink",
            [
                ("xmlns", namespace), ("xmlns:xsi", ManifestWriter.xsiNamespace),
                ("xsi:schemaLocation", "\(namespace) \(schemaLocation)"),
            ])
        xml.text("title", title)
        xml.empty("url", [("href", url), ("target", "_blank")])
        xml.end()
        return xml.output
    }
}
