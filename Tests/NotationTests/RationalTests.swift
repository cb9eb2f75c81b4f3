import Testing
@testable import Notation

@Suite struct RationalTests {
    @Test func reducesAndNormalisesSign() {
        let r = Rational(6, -8)
        #expect(r.numerator == -3)
        #expect(r.denominator == 4)
        #expect(Rational(0, 5) == Rational.zero)
    }

    @Test func arithmeticIsExact() {
        let third = Rational(1, 3)
        #expect(third + third + third == 1)
        #expect(Rational(1, 2) - Rational(3, 4) == Rational(-1, 4))
        #expect(Rational(2, 3) * Rational(9, 4) == Rational(3, 2))
        #expect(Rational(3, 4) / Rational(3, 8) == 2)
        #expect(Rational(1, 3) < Rational(1, 2))
        #expect(Rational(-7, 2).floor == -4)
        #expect(Rational(7, 2).floor == 3)
    }

    @Test func parsesAndPrints() {
        #expect(Rational("3/2") == Rational(3, 2))
        #expect(Rational("3") == 3)
        #expect(Rational("1.25") == Rational(5, 4))
        #expect(Rational("-0.5") == Rational(-1, 2))
        #expect(Rational("x/2") == nil)
        #expect(Rational("1/0") == nil)
        #expect(Rational(17, 2).description == "17/2")
        #expect(Rational(4, 2).description == "2")
    }

    @Test func roundsToGrid() {
        #expect(Rational(5, 12).rounded(toMultipleOf: Rational(1, 4)) == Rational(1, 2))
        #expect(Rational(1, 8).rounded(toMultipleOf: Rational(1, 4)) == Rational(1, 4))
        #expect(Rational(1, 9).rounded(toMultipleOf: Rational(1, 4)) == 0)
    }
}
