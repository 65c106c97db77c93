package org.onewindow.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.onewindow.catalog.CatalogItemDTO;
import org.onewindow.catalog.ImportOutcome;

public class ImportPlanTest {

    @Test
    public void newItemStartsAtVersionOne() {
        ImportPlan plan = ImportPlan.of(List.of(Items.item("A-1")), Map.of());
        assertEquals(ImportOutcome.CREATED, plan.steps.get(0).outcome());
        assertEquals(1, plan.steps.get(0).version());
    }

    @Test
    public void changedItemGetsTheNextVersion() {
        CatalogItemDTO changed = Items.item("A-1");
        changed.timeLimitDays = 5;
        ImportPlan plan = ImportPlan.of(List.of(changed), Map.of("A-1", current("A-1", 3)));
        assertEquals(ImportOutcome.NEW_VERSION, plan.steps.get(0).outcome());
        assertEquals(4, plan.steps.get(0).version());
    }

    @Test
    public void sameContentIsUnchangedEvenWithAnOlderVersionNumber() {
        CatalogItemDTO same = Items.item("A-1");
        same.version = 1;
        same.fee = new BigDecimal("20.00");
        ImportPlan plan = ImportPlan.of(List.of(same), Map.of("A-1", current("A-1", 2)));
        assertEquals(ImportOutcome.UNCHANGED, plan.steps.get(0).outcome());
        assertEquals(2, plan.steps.get(0).version());
    }

    @Test
    public void theStatutoryLimitAndTheExtensionRuleAreContent() {
        CatalogItemDTO current = Items.item("A-1");
        current.version = 1;
        CatalogItemDTO statutory = Items.item("A-1");
        statutory.statutoryLimitDays = 20;
        assertEquals(ImportOutcome.NEW_VERSION, ImportPlan.of(List.of(statutory), Map.of("A-1", current)).steps.get(0).outcome());
        CatalogItemDTO rule = Items.item("A-1");
        rule.extension = org.onewindow.catalog.ExtensionRuleDTO.of(0, null, "《某法》");
        assertEquals(ImportOutcome.NEW_VERSION, ImportPlan.of(List.of(rule), Map.of("A-1", current)).steps.get(0).outcome());
        current.extension = org.onewindow.catalog.ExtensionRuleDTO.of(0, null, "《某法》");
        assertEquals(ImportOutcome.UNCHANGED, ImportPlan.of(List.of(rule), Map.of("A-1", current)).steps.get(0).outcome());
    }

    @Test
    public void keywordsAreContentAsKept() {
        CatalogItemDTO withKeywords = Items.item("A-1");
        withKeywords.keywords = List.of("户籍", "落户");
        assertEquals(ImportOutcome.NEW_VERSION, ImportPlan.of(List.of(withKeywords), Map.of("A-1", current("A-1", 2))).steps.get(0).outcome());
        CatalogItemDTO kept = current("A-1", 2);
        kept.keywords = List.of("户籍", "落户");
        CatalogItemDTO spaced = Items.item("A-1");
        spaced.keywords = List.of(" 户籍", "落户", "户籍");
        assertEquals(ImportOutcome.UNCHANGED, ImportPlan.of(List.of(spaced), Map.of("A-1", kept)).steps.get(0).outcome());
        CatalogItemDTO none = Items.item("A-1");
        none.keywords = List.of();
        assertEquals("no keywords and an empty list are the same", ImportOutcome.UNCHANGED,
                ImportPlan.of(List.of(none), Map.of("A-1", current("A-1", 2))).steps.get(0).outcome());
    }

    @Test
    public void editOfAStaleVersionIsAConflict() {
        CatalogItemDTO edited = Items.item("A-1");
        edited.version = 1;
        edited.name = "新名称";
        ImportPlan plan = ImportPlan.of(List.of(edited), Map.of("A-1", current("A-1", 2)));
        assertTrue(plan.steps.isEmpty());
        assertEquals("A-1", plan.conflicts.get(0).item);
    }

    @Test
    public void editOfTheCurrentVersionIsAccepted() {
        CatalogItemDTO edited = Items.item("A-1");
        edited.version = 2;
        edited.name = "新名称";
        ImportPlan plan = ImportPlan.of(List.of(edited), Map.of("A-1", current("A-1", 2)));
        assertTrue(plan.conflicts.isEmpty());
        assertEquals(3, plan.steps.get(0).version());
    }

    @Test
    public void materialOrderAndFieldsCount() {
        CatalogItemDTO a = Items.item("A-1");
        CatalogItemDTO b = Items.item("A-1");
        b.materials.add(0, Items.material("M00"));
        a.materials.add(Items.material("M00"));
        assertFalse(ImportPlan.sameContent(a, b));
        CatalogItemDTO c = Items.item("A-1");
        c.materials.get(0).licenceType = null;
        assertFalse(ImportPlan.sameContent(Items.item("A-1"), c));
    }

    private static CatalogItemDTO current(String code, int version) {
        CatalogItemDTO item = Items.item(code);
        item.version = version;
        return item;
    }
}
