package io.mcpgateway.bootstrap.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgateway.bootstrap.error.BootstrapException;
import java.util.List;
import org.junit.jupiter.api.Test;

class VendorsTest {

  @Test
  void theRegistryListsTheThreeBundledVendorsInOrder() {
    assertEquals(List.of("postgresql", "mysql", "sqlite"), Vendors.all().stream().map(Vendor::name).toList());
  }

  @Test
  void everySchemeOfAVendorFindsIt() {
    for (Vendor vendor : Vendors.all()) {
      for (String scheme : vendor.schemes()) {
        assertEquals(vendor, Vendors.forScheme(scheme), scheme);
        assertEquals(vendor, Vendors.forScheme(scheme.toUpperCase()), scheme);
      }
    }
  }

  @Test
  void anUnknownSchemeListsEveryVendorsForms() {
    BootstrapException error = assertThrows(BootstrapException.class, () -> Vendors.forScheme("oracle"));
    for (Vendor vendor : Vendors.all()) {
      assertTrue(error.getMessage().contains(vendor.urlForms()), error.getMessage());
    }
  }
}
