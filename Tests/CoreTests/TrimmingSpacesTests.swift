import Core
import Testing

@Suite("Trimming spaces")
struct TrimmingSpacesTests {
    @Test("spaces, tabs and line breaks at either end go, those inside stay, and text with none is kept as it is")
    func ascii() {
        #expect(" \tRotherham  West\r\n".trimmingSpaces == "Rotherham  West")
        #expect("E05014960".trimmingSpaces == "E05014960")
        #expect("a\u{0B}".trimmingSpaces == "a")
        #expect("\u{1F}a\u{1F}".trimmingSpaces == "\u{1F}a\u{1F}", "a control character that is not a space stays")
        #expect("".trimmingSpaces == "" && " \t\n ".trimmingSpaces == "")
    }

    @Test("Unicode's other spaces at either end go too, and text ending in any other letter is kept")
    func unicode() {
        #expect("\u{A0}12.5\u{A0}".trimmingSpaces == "12.5")
        #expect("\u{2003}Brinsworth\u{3000}".trimmingSpaces == "Brinsworth")
        #expect("Ysgol Gymraeg Bro Dinefwr é".trimmingSpaces == "Ysgol Gymraeg Bro Dinefwr é")
        #expect("  Caerdydd ".dropFirst().trimmingSpaces == "Caerdydd", "a substring is trimmed as its text")
    }
}
