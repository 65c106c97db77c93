package org.onewindow.online.internal.applications;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;
import org.onewindow.online.DeliveryChoiceDTO;
import org.onewindow.online.internal.common.ApplicationEntity;

/** What citizens and clerks type into an application: taken stripped, or refused naming the field. */
public class ApplicationInputTest {

    @Test
    public void nothingChosenIsTheWindowAndPostNeedsAWholeAddress() {
        ApplicationEntity a = new ApplicationEntity();
        ApplicationInput.delivery(a, null);
        assertEquals(ApplicationEntity.WINDOW, a.deliveryMethod);
        DeliveryChoiceDTO post = post(" 张三 ", "139 0013 9000", "广东省惠州市惠城区江北三新南路 22 号");
        ApplicationInput.delivery(a, post);
        assertEquals("POST 张三 13900139000", a.deliveryMethod + " " + a.postRecipient + " " + a.postPhone);
        post.address = "惠城区";
        ApplicationRecordsTest.assertRefused("INVALID_APPLICATION", () -> ApplicationInput.delivery(new ApplicationEntity(), post));
        ApplicationRecordsTest.assertRefused("INVALID_MOBILE", () -> ApplicationInput.delivery(new ApplicationEntity(),
                post("张三", "0752-2345678", "广东省惠州市惠城区江北三新南路 22 号")));
        DeliveryChoiceDTO drone = new DeliveryChoiceDTO();
        drone.method = "DRONE";
        ApplicationRecordsTest.assertRefused("INVALID_APPLICATION", () -> ApplicationInput.delivery(new ApplicationEntity(), drone));
    }

    @Test
    public void aTextIsStrippedBoundedAndFreeOfControlCharacters() {
        assertEquals("第一行\n第二行", ApplicationInput.text("  第一行\n第二行 ", "note", 10, false));
        assertNull(ApplicationInput.text(" ", "note", 10, false));
        ApplicationRecordsTest.assertRefused("INVALID_APPLICATION", () -> ApplicationInput.text(null, "name", 10, true));
        ApplicationRecordsTest.assertRefused("INVALID_APPLICATION", () -> ApplicationInput.text("12345678901", "name", 10, true));
        ApplicationRecordsTest.assertRefused("INVALID_APPLICATION", () -> ApplicationInput.text("张\t三", "name", 10, true));
    }

    private static DeliveryChoiceDTO post(String recipient, String phone, String address) {
        DeliveryChoiceDTO d = new DeliveryChoiceDTO();
        d.method = ApplicationEntity.POST;
        d.recipient = recipient;
        d.phone = phone;
        d.address = address;
        return d;
    }
}
