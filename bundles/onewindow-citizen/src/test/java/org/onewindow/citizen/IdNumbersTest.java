package org.onewindow.citizen;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.onewindow.problem.Problem;

public class IdNumbersTest {

    @Test
    public void validResidentIds() {
        // the GB 11643-1999 example, with X as check digit, in lower case too
        assertEquals("11010519491231002X", IdNumbers.check(IdType.RESIDENT_ID, "11010519491231002x"));
        assertTrue(IdNumbers.isValid(IdType.RESIDENT_ID, "440102198001021230"));
        assertTrue(IdNumbers.isValid(IdType.RESIDENT_ID, "441302199003071238"));
    }

    @Test
    public void residencePermitsOfHongKongMacaoAndTaiwanResidents() {
        // 港澳台居民居住证: the citizen ID number's address code is 810000, 820000 or 830000
        assertTrue("Hong Kong", IdNumbers.isValid(IdType.RESIDENT_ID, "810000199003071237"));
        assertTrue("Macao", IdNumbers.isValid(IdType.RESIDENT_ID, "820000199003071239"));
        assertEquals("Taiwan", "830000199003071230", IdNumbers.check(IdType.RESIDENT_ID, "830000199003071230"));
        assertFalse("a permit's address code is exactly 830000", IdNumbers.isValid(IdType.RESIDENT_ID, "831000199003071231"));
        assertFalse("check digit", IdNumbers.isValid(IdType.RESIDENT_ID, "830000199003071231"));
    }

    @Test
    public void invalidResidentIds() {
        assertFalse("check digit", IdNumbers.isValid(IdType.RESIDENT_ID, "441302199003071237"));
        assertFalse("no 30 February", IdNumbers.isValid(IdType.RESIDENT_ID, "441302199002301234"));
        assertFalse("future birth", IdNumbers.isValid(IdType.RESIDENT_ID, "441302209901011234"));
        assertFalse("province 99", IdNumbers.isValid(IdType.RESIDENT_ID, "991302199003071238"));
        assertFalse("15 digits", IdNumbers.isValid(IdType.RESIDENT_ID, "441302900307123"));
        assertFalse("letters", IdNumbers.isValid(IdType.RESIDENT_ID, "44130219900307123A"));
        assertFalse(IdNumbers.isValid(IdType.RESIDENT_ID, null));
    }

    @Test
    public void validCreditCodes() {
        assertTrue(IdNumbers.isValid(IdType.CREDIT_CODE, "91350100M000100Y43"));
        assertEquals("91110000600037341L", IdNumbers.check(IdType.CREDIT_CODE, " 91110000600037341l "));
    }

    @Test
    public void invalidCreditCodes() {
        assertFalse("check character", IdNumbers.isValid(IdType.CREDIT_CODE, "91350100M000100Y44"));
        assertFalse("letter O is not used", IdNumbers.isValid(IdType.CREDIT_CODE, "91350100MO00100Y43"));
        assertFalse("length", IdNumbers.isValid(IdType.CREDIT_CODE, "91350100M000100Y4"));
        assertFalse("a resident ID is no credit code", IdNumbers.isValid(IdType.CREDIT_CODE, "11010519491231002X"));
    }

    @Test
    public void problemsNeverShowTheWholeNumber() {
        try {
            IdNumbers.check(IdType.RESIDENT_ID, "441302199003071237");
            fail("wrong check digit must be refused");
        } catch (Problem e) {
            assertEquals("INVALID_ID_NUMBER", e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("校验位"));
            assertFalse(e.getMessage(), e.getMessage().contains("441302199003071237"));
        }
    }

    @Test
    public void masksTheMiddle() {
        assertEquals("441302********1238", IdNumbers.mask("441302199003071238"));
        assertEquals("****", IdNumbers.mask("1234"));
        assertEquals("", IdNumbers.mask(null));
    }
}
