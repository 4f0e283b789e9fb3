@testable import Emitters
import Testing

/// CSV cells a spreadsheet would run as formulas get a leading apostrophe; numbers and
/// the document name of standard input ("-") stay as they are.
@Suite("CSV fields stay inert in spreadsheets")
struct CSVFieldsStayInertInSpreadsheets {
    @Test(arguments: [("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("+1+1", "'+1+1"), ("@SUM(A1)", "'@SUM(A1)"),
                      ("-", "-"), ("-12.5", "-12.5"), ("Deir ez-Zor", "Deir ez-Zor"), ("a,b", "\"a,b\"")])
    func field(input: String, written: String) {
        #expect(ExtractionEncoding.csvField(input) == written)
    }
}
