/// The page each named destination of a PDF points at, read from the PDF Chromium printed.
///
/// Chromium writes one named destination for every element an in-page link (`href="#id"`) points at: the
/// catalogue's `/Dests` dictionary maps the element's `id` to `[page /XYZ x y zoom]`. So after a first print the
/// contents list's links say on which page each of their targets landed. Chromium (Skia) writes a classic
/// cross-reference table and uncompressed object dictionaries, which is all this reader understands; anything else
/// gives an empty map, and the contents list is then printed without page numbers rather than with wrong ones.
struct PDFDestinations {
    /// Page numbers (from 1) by destination name.
    let pages: [String: Int]

    init(pdf bytes: [UInt8]) {
        let reader = PDFObjectReader(bytes)
        guard let catalogue = reader.trailerReference("/Root").flatMap(reader.object),
            let pagesRoot = PDFObjectReader.reference(after: "/Pages", in: catalogue),
            let destsNumber = PDFObjectReader.reference(after: "/Dests", in: catalogue),
            let dests = reader.object(destsNumber)
        else {
            pages = [:]
            return
        }
        var pageNumbers: [Int: Int] = [:]
        for (index, object) in reader.leafPages(pagesRoot).enumerated() { pageNumbers[object] = index + 1 }
        var result: [String: Int] = [:]
        for (name, object) in Self.entries(dests) {
            if let page = pageNumbers[object] { result[name] = page }
        }
        pages = result
    }

    /// The `/name [N 0 R …]` entries of a destinations dictionary, names decoded from PDF name syntax (`#xx`).
    static func entries(_ dictionary: String) -> [(String, Int)] {
        var result: [(String, Int)] = []
        let scalars = Array(dictionary.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "/" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, !PDFObjectReader.isDelimiter(scalars[end]) { end += 1 }
            let name = Self.decodedName(scalars[(index + 1)..<end])
            // The value must be an array whose first element is a page reference; other names (/XYZ) are skipped.
            var cursor = end
            while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "\n" || scalars[cursor] == "\r" {
                cursor += 1
            }
            if cursor < scalars.count, scalars[cursor] == "[" {
                let rest = String(String.UnicodeScalarView(scalars[(cursor + 1)...].prefix(40)))
                if let number = PDFObjectReader.leadingReference(rest) { result.append((name, number)) }
            }
            index = end
        }
        return result
    }

    private static func decodedName(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "#", index + 2 < scalars.endIndex,
                let byte = UInt8(String(String.UnicodeScalarView(scalars[(index + 1)...(index + 2)])), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes += Array(String(scalar).utf8)
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
