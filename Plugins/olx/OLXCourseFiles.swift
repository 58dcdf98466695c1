import CurriculumImportKit
import CurriculumModel
import CurriculumXML

/// Finds a course's files and follows OLX's pointer form: `<chapter url_name="week1"/>` stands for the file
/// `chapter/week1.xml`, whose root carries the chapter's attributes and children.
struct OLXCourseFiles {
    let tree: SourceTree
    let reader: SourceXMLReader
    /// The folder of `course.xml` inside the source (`""` at the top, `course` in a Studio export).
    let base: String

    /// Finds `course.xml` at the top of the source or in the shallowest folder holding one.
    init?(tree: SourceTree) {
        let candidates = tree.files.filter { $0 == "course.xml" || $0.hasSuffix("/course.xml") }
        guard
            let course = candidates.min(by: {
                ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1)
            })
        else { return nil }
        self.tree = tree
        self.reader = SourceXMLReader(tree: tree)
        self.base = String(course.dropLast("course.xml".count).dropLast(course == "course.xml" ? 0 : 1))
    }

    /// A path of the course, relative to the tree.
    func path(_ relative: String) -> String {
        base.isEmpty ? relative : base + "/" + relative
    }

    /// A node of the course: an element and the file it was read from.
    struct Node {
        var element: XMLElement
        var file: String

        var urlName: String? { element[attribute: "url_name"] }
        var displayName: String? { element[attribute: "display_name"]?.trimmingWhitespace() }
    }

    /// Whether an element only points at its own file.
    static func isPointer(_ element: XMLElement) -> Bool {
        guard element[attribute: "url_name"] != nil, element.elements.isEmpty else { return false }
        return element.attributes.allSatisfy { $0.name == "url_name" }
    }

    /// The element itself, or the file it points at, with the pointer's attributes kept where the file has none
    /// (`course.xml` points with `org` and `course` beside `url_name`).
    func resolve(
        _ element: XMLElement, in file: String, report: inout ImportReport, pointsAlways: Bool = false
    )
        -> Node?
    {
        let pointing = pointsAlways ? element.elements.isEmpty : Self.isPointer(element)
        guard pointing, let urlName = element[attribute: "url_name"] else {
            return Node(element: element, file: file)
        }
        // A `:` in a url_name stands for a folder; most names have none, and are used as they are.
        let name = urlName.utf8.contains(UInt8(ascii: ":")) ? urlName.replacingOccurrences(of: ":", with: "/") : urlName
        let target = path(element.name + "/" + name + ".xml")
        let at = tree.location(file, line: element.position.line, column: element.position.column)
        guard var root = reader.parsePart(target, report: &report, referencedFrom: at) else { return nil }
        if root.name != element.name {
            report.warning(
                OLXCode.unexpectedElement,
                "\(target) holds <\(root.name)> where <\(element.name)> was expected; it is read as <\(element.name)>",
                at: tree.location(target, line: root.position.line, column: root.position.column))
        }
        for attribute in element.attributes
        where !root.attributes.contains(where: { $0.name == attribute.name && $0.namespace == attribute.namespace }) {
            root.attributes.append(attribute)
        }
        return Node(element: root, file: target)
    }

    /// The source location of an element of a file.
    func location(_ element: XMLElement, in file: String) -> SourceLocation {
        tree.location(file, line: element.position.line, column: element.position.column)
    }
}
