package org.onewindow.licences;

import java.util.List;

/** A holder's personal catalog (个人证照目录): licences, reusable earlier materials, and who read them lately. */
public class PersonalCatalogDTO {
    /** The holder's ID number, masked. */
    public String holder;
    public List<LicenceDTO> licences;
    /** Empty when the intake feature is not installed. */
    public List<EarlierMaterialDTO> earlierMaterials;
    /** The latest reads of this holder's licences, newest first, this one included. */
    public List<AccessEntryDTO> recentAccess;
}
