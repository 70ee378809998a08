package io.paperwire.notify.delivery.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SseEventTest {

    @Test
    void shouldFrameIdEventAndOneDataLinePerLine() {
        assertThat(new SseEvent("42", "alert", "first\nsecond\r\nthird").frame())
                .isEqualTo("id: 42\nevent: alert\ndata: first\ndata: second\ndata: third\n\n");
    }

    @Test
    void shouldLeaveOutAbsentIdAndEvent() {
        assertThat(new SseEvent(null, null, "{}").frame()).isEqualTo("data: {}\n\n");
        assertThat(new SseEvent(null, null, "").frame()).isEqualTo("data: \n\n");
    }

    @Test
    void shouldRefuseLineBreaksInIdAndEvent() {
        assertThatThrownBy(() -> new SseEvent("1\ndata: injected", "alert", "x")).hasMessageContaining("single line");
        assertThatThrownBy(() -> new SseEvent("1", "alert\r", "x")).hasMessageContaining("single line");
    }
}
