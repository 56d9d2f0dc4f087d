package dev.fieldpoll.tally;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgreementReadingTest {

    @Test
    void readsAlphaByKrippendorffsCutOffs() {
        assertThat(AgreementReading.of(0.8)).isEqualTo(AgreementReading.STRONG);
        assertThat(AgreementReading.of(0.7999)).isEqualTo(AgreementReading.SOME);
        assertThat(AgreementReading.of(0.667)).isEqualTo(AgreementReading.SOME);
        assertThat(AgreementReading.of(0.6669)).isEqualTo(AgreementReading.LITTLE);
        assertThat(AgreementReading.of(-0.3)).isEqualTo(AgreementReading.LITTLE);
        assertThat(AgreementReading.of(Double.NaN)).isEqualTo(AgreementReading.UNDEFINED);
    }

    @Test
    void describesItselfInPlainWords() {
        assertThat(AgreementReading.STRONG.describe()).isEqualTo("strong shared view");
        assertThat(AgreementReading.SOME.describe()).isEqualTo("some shared view");
        assertThat(AgreementReading.LITTLE.describe()).isEqualTo("little shared view");
        assertThat(AgreementReading.UNDEFINED.describe()).isEqualTo("not enough data");
    }
}
